import { accessSync, constants } from 'node:fs';

type Env = Record<string, string | undefined>;

/** A value left as (or holding) the example's placeholder: `change-me`, `changeme`, `CHANGE_ME…`. */
const PLACEHOLDER = /change[-_ ]?me/i;

/**
 * Reads typed settings from an environment, collecting a problem per bad variable (so that one
 * error can name them all) and falling back to the default for it. In production a value left as
 * a placeholder (`change-me…`) is a problem, whatever the variable.
 */
export class EnvReader {
  constructor(
    private readonly env: Env,
    readonly problems: string[],
  ) {}

  private raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    if (value === '' || value === undefined) return undefined;
    if (this.env.NODE_ENV === 'production' && PLACEHOLDER.test(value)) {
      this.problems.push(`${name} is a placeholder (it says change-me): set the real value`);
    }
    return value;
  }

  text(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  /** An optional value (a password, a key) that has no default. */
  secret(name: string): string | undefined {
    return this.raw(name);
  }

  /** An optional path to a file this process can read. */
  file(name: string): string | undefined {
    const path = this.raw(name);
    if (path !== undefined && !readable(path))
      this.problems.push(`${name} names a file that cannot be read: "${path}"`);
    return path;
  }

  list(name: string, fallback: string): string[] {
    return (this.raw(name) ?? fallback)
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value) || parsed < min || parsed > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
      return fallback;
    }
    return parsed;
  }

  integers(name: string, fallback: number[], min: number, max: number): number[] {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const items = value.split(',').map((item) => item.trim());
    if (!items.every((item) => /^\d+$/.test(item) && Number(item) >= min && Number(item) <= max)) {
      this.problems.push(
        `${name} must be a comma separated list of integers from ${min} to ${max}, got "${value}"`,
      );
      return fallback;
    }
    return items.map(Number);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
      return fallback;
    }
    return value as T;
  }

  urls(name: string, fallback: string, protocols: string[]): string[] {
    const urls = this.list(name, fallback);
    for (const url of urls) {
      let protocol: string | undefined;
      try {
        protocol = new URL(url).protocol;
      } catch {
        protocol = undefined;
      }
      if (!protocol || !protocols.includes(protocol)) {
        this.problems.push(`${name} must be a ${protocols.join(' or ')} URL, got "${url}"`);
      }
    }
    return urls;
  }
}

function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
