export { CompanySelect } from './CompanySelect.js';
export { companyKeys, fetchCompanies } from './api.js';
