// What a timesheet export can be: its file format, and the decimal mark its CSV numbers use.

export type TimesheetFileFormat = 'csv' | 'json' | 'markdown';
export type DecimalMark = '.' | ',';
