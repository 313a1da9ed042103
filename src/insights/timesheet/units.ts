// Time as timesheets write it: hours with two decimals, and h:mm. Pure.

/** Hours with two decimals. */
export function hours(seconds: number): number {
  return Math.round((seconds / 3600) * 100) / 100;
}

/** h:mm, to the nearest minute. */
export function hoursAndMinutes(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
