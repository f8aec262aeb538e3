// The number format the rehearsal gives date cells in the .xlsx files it writes (and recognises when reading).
export const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';
