import { CompaniesPage } from './CompaniesPage.js';
import { NewCompanyPage } from './NewCompanyPage.js';

export { CompanySelect } from './CompanySelect.js';
export { companyKeys, fetchCompanies } from './api.js';

/** The screens of the companies feature, for the router. */
export const companies = { ListPage: CompaniesPage, NewPage: NewCompanyPage };
