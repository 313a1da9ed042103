// The local, strict Graph activity-feed emulator used by the tests and by `npm run emulator`.
export { startEmulator, DEFAULT_CLIENT_ID, DEFAULT_USER } from './server';
export type { EmulatorOptions, EmulatorAdmin, RunningEmulator, LoggedRequest } from './server';
export type { FaultRule, Fault } from './faults';
export type { ThrottlingOptions } from './throttle';
export type { PagingOptions } from './graphApi';
export { PROFILES, PROFILE_NAMES, SWITCHES, SWITCH_NAMES, describeSwitches, profileOf } from './profile';
export type { ServiceSwitches, ProfileName } from './profile';
