export { Composer } from './Composer.js';
export { Timeline } from './Timeline.js';
export { describeSystemEvent } from './systemSentence.js';
