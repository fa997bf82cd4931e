/**
 * The program office's phone number (용산구청 교육지원과), shown wherever a resident may need a
 * person and the program's contact settings give no other number.
 */
export const DEFAULT_OFFICE_PHONE = '02-2199-7142';
