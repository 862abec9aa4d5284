import { normaliseText } from '../search/normalise.js';

/**
 * Given names that name one person: the formal name first, then nicknames and spellings, in Hebrew and
 * in Latin letters. Written by hand from common Israeli and English usage; a name may sit in one group.
 */
const written: readonly string[][] = [
  ['yosef', 'yossi', 'yosi', 'yossef', 'joseph', 'joe', 'joey', 'יוסף', 'יוסי'],
  ['mordechai', 'moti', 'motti', 'mordecai', 'מרדכי', 'מוטי'],
  ['avraham', 'avi', 'abraham', 'avrum', 'avrami', 'אברהם', 'אבי', 'אברמי'],
  ['david', 'dudu', 'dudi', 'dave', 'davey', 'דוד', 'דודו', 'דודי'],
  ['binyamin', 'beni', 'benny', 'benjamin', 'ben', 'bini', 'בנימין', 'בני'],
  ['yehoshua', 'shuki', 'joshua', 'josh', 'yeshua', 'יהושע', 'שוקי'],
  ['yitzhak', 'itzik', 'itzhak', 'yitzchak', 'isaac', 'itzchak', 'tzachi', 'יצחק', 'איציק', 'צחי'],
  ['shmuel', 'shmulik', 'samuel', 'sam', 'sammy', 'שמואל', 'שמוליק'],
  ['yaakov', 'kobi', 'yakov', 'jacob', 'jake', 'koby', 'yankel', 'יעקב', 'קובי'],
  ['refael', 'rafi', 'raphael', 'rafael', 'rafa', 'רפאל', 'רפי'],
  ['eliyahu', 'eli', 'elijah', 'אליהו', 'אלי'],
  ['tzvi', 'tzvika', 'zvi', 'zvika', 'צבי', 'צביקה'],
  ['yonatan', 'yoni', 'jonathan', 'jon', 'yehonatan', 'יונתן', 'יוני', 'יהונתן'],
  ['gavriel', 'gabi', 'gabriel', 'gaby', 'גבריאל', 'גבי'],
  ['shlomo', 'shlomi', 'solomon', 'momo', 'שלמה', 'שלומי'],
  ['moshe', 'moishe', 'moses', 'mosh', 'משה', 'מושיקו'],
  ['michael', 'miki', 'mike', 'mickey', 'mikhael', 'מיכאל', 'מיקי'],
  ['daniel', 'dani', 'danny', 'dan', 'דניאל', 'דני'],
  ['natan', 'nati', 'nathan', 'nate', 'נתן', 'נתי'],
  ['netanel', 'nati', 'nathaniel', 'נתנאל'],
  ['menachem', 'meni', 'mendy', 'מנחם', 'מני'],
  ['yehuda', 'yudi', 'judah', 'יהודה', 'יודה'],
  ['avigail', 'abigail', 'gaili', 'abby', 'אביגיל'],
  ['miriam', 'miri', 'mirjam', 'מרים', 'מירי'],
  ['tamar', 'tami', 'tammy', 'תמר', 'תמי'],
  ['rut', 'ruti', 'ruth', 'רות', 'רותי'],
  ['rivka', 'riki', 'rebecca', 'becky', 'rivki', 'רבקה', 'ריקי'],
  ['shulamit', 'shuli', 'shula', 'שולמית', 'שולי'],
  ['elisheva', 'eli', 'elizabeth', 'liz', 'beth', 'betty', 'lisa', 'אלישבע'],
  ['sara', 'sarah', 'sari', 'sarit', 'שרה', 'שרי'],
  ['robert', 'bob', 'rob', 'bobby', 'robbie', 'bert'],
  ['william', 'bill', 'will', 'billy', 'willy', 'liam'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['john', 'jack', 'johnny', 'jon'],
  ['thomas', 'tom', 'tommy'],
  ['richard', 'dick', 'rick', 'ricky', 'rich'],
  ['edward', 'ed', 'eddie', 'ted', 'ned'],
  ['charles', 'charlie', 'chuck', 'chas'],
  ['henry', 'harry', 'hank'],
  ['anthony', 'tony'],
  ['christopher', 'chris', 'kit'],
  ['andrew', 'andy', 'drew'],
  ['alexander', 'alex', 'sasha', 'alexandr', 'אלכסנדר', 'סשה', 'אלכס'],
  ['nicholas', 'nick', 'nicky'],
  ['stephen', 'steve', 'steven', 'stevie'],
  ['matthew', 'matt', 'matty'],
  ['patrick', 'pat', 'paddy'],
  ['patricia', 'pat', 'patty', 'trish'],
  ['katherine', 'kate', 'katie', 'kathy', 'catherine', 'cathy', 'kat'],
  ['margaret', 'maggie', 'meg', 'peggy', 'margie'],
  ['jennifer', 'jenny', 'jen'],
  ['susan', 'sue', 'susie', 'suzanne'],
  ['deborah', 'debbie', 'deb', 'dvora', 'דבורה', 'דבי'],
];

// Compared in normalised form (final letters plain: יוסף → יוספ), like every name the matcher reads.
const groups = written.map((group) => group.map(normaliseText));
const index = new Map<string, Set<number>>();
groups.forEach((group, i) => {
  for (const name of group) index.set(name, (index.get(name) ?? new Set()).add(i));
});

/** The group numbers a (normalised) given name belongs to: two names sharing one are one name. */
export const nicknameGroups = (name: string): ReadonlySet<number> => index.get(name) ?? new Set();

/** Every name of the groups a given name is in (for blocking keys across nicknames). */
export function nicknameForms(name: string): string[] {
  return [...nicknameGroups(name)].flatMap((i) => groups[i]!);
}
