// How the emulated service answers the questions Graph's documentation leaves open. Each unknown is a switch;
// a profile is a named set of switches: `documented` answers every unknown the way that suits a client,
// `pessimistic` answers every one against it.

export interface ServiceSwitches {
  /** Is a client `id` inside a deep-inserted history item an upsert key, or does the service assign its own? */
  historyIds: 'honoured' | 'ignored';
  /** Does a replacing PUT of an activity keep the history items its body does not mention, or drop them? */
  replace: 'keeps' | 'drops';
  /** Do refused (throttled) requests count toward the limits? */
  throttled: 'counted' | 'free';
  /** May an id segment carry `%2F`, or does the front door decode it and fail the request? */
  encodedSlash: 'accepted' | 'rejected';
  /** The order of GET /me/activities: most recently upserted first, or oldest created first. */
  order: 'newest' | 'oldest';
  /** Error bodies as seen from the live service, or generic `invalidRequest` answers with a target. */
  errors: 'real' | 'generic';
  /**
   * A history item's client-set `expirationDateTime`: kept as asked (honoured), cut to the 30 days after its creation
   * the examples show when later (capped), or replaced by those 30 days (ignored). Documented as client-settable;
   * whether a later time is kept is not.
   */
  clientExpiration: 'honoured' | 'capped' | 'ignored';
}

export type ProfileName = 'documented' | 'pessimistic';

export const PROFILES: Readonly<Record<ProfileName, Readonly<ServiceSwitches>>> = {
  documented: {
    historyIds: 'honoured',
    replace: 'keeps',
    throttled: 'free',
    encodedSlash: 'accepted',
    order: 'oldest',
    errors: 'generic',
    clientExpiration: 'honoured',
  },
  pessimistic: {
    historyIds: 'ignored',
    replace: 'drops',
    throttled: 'counted',
    encodedSlash: 'rejected',
    order: 'newest',
    errors: 'real',
    clientExpiration: 'ignored',
  },
};

/** Every switch with its values, and the command-line flag that sets it. */
export const SWITCHES: Readonly<Record<keyof ServiceSwitches, { flag: string; values: readonly string[] }>> = {
  historyIds: { flag: 'history-ids', values: ['honoured', 'ignored'] },
  replace: { flag: 'replace', values: ['keeps', 'drops'] },
  throttled: { flag: 'throttled', values: ['counted', 'free'] },
  encodedSlash: { flag: 'encoded-slash', values: ['accepted', 'rejected'] },
  order: { flag: 'order', values: ['newest', 'oldest'] },
  errors: { flag: 'errors', values: ['real', 'generic'] },
  clientExpiration: { flag: 'client-expiration', values: ['honoured', 'capped', 'ignored'] },
};

export const SWITCH_NAMES = Object.keys(SWITCHES) as (keyof ServiceSwitches)[];
export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

export class ProfileError extends Error {}

/** A profile name, checked; refuses anything else with the list of valid ones. */
export function profileNamed(name: string): ServiceSwitches {
  if (!(PROFILE_NAMES as string[]).includes(name))
    throw new ProfileError(`Unknown profile '${name}'. Valid profiles: ${PROFILE_NAMES.join(', ')}.`);
  return { ...PROFILES[name as ProfileName] };
}

/** `base` with the given switches applied, each checked; refuses an unknown switch or value with the valid ones. */
export function withSwitches(base: ServiceSwitches, changes: Record<string, unknown>): ServiceSwitches {
  const next = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    const name = SWITCH_NAMES.find((n) => n === key || SWITCHES[n].flag === key);
    if (!name)
      throw new ProfileError(
        `Unknown switch '${key}'. Valid switches: ${SWITCH_NAMES.map((n) => `${n} (--${SWITCHES[n].flag})`).join(', ')}.`,
      );
    const values = SWITCHES[name].values;
    if (typeof value !== 'string' || !values.includes(value)) {
      throw new ProfileError(
        `Switch '${SWITCHES[name].flag}' cannot be ${JSON.stringify(value)}. Valid values: ${values.join(', ')}.`,
      );
    }
    (next as Record<string, string>)[name] = value;
  }
  return next;
}

/** The profile these switches make up, or 'custom' when they match none. */
export function profileOf(switches: ServiceSwitches): ProfileName | 'custom' {
  return PROFILE_NAMES.find((name) => SWITCH_NAMES.every((s) => PROFILES[name][s] === switches[s])) ?? 'custom';
}

/** One line for banners: `pessimistic (history-ids ignored, replace drops, …)`. */
export function describeSwitches(switches: ServiceSwitches): string {
  return `${profileOf(switches)} (${SWITCH_NAMES.map((n) => `${SWITCHES[n].flag} ${switches[n]}`).join(', ')})`;
}
