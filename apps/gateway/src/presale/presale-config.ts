import { ConfigError, EnvReader } from '@app/platform';

type Env = Record<string, string | undefined>;

/** Seed 004's answers are signed `SALT_MD5`: MD5 over this salt and the exact bytes of `data`. */
export interface PresaleConfig {
  md5Salt: string;
}

export const PRESALE_CONFIG = Symbol('PRESALE_CONFIG');

const DEVELOPMENT_SALT = 'development-presale-salt';

/** Reads `PRESALE_MD5_SALT` (a development salt outside production; required in production). */
export function loadPresaleConfig(env: Env = process.env): PresaleConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);
  const production = env.NODE_ENV === 'production';
  const md5Salt = read.text('PRESALE_MD5_SALT', production ? '' : DEVELOPMENT_SALT);
  if (production && (!md5Salt || md5Salt === DEVELOPMENT_SALT))
    problems.push('PRESALE_MD5_SALT must be set in production');
  if (problems.length) throw new ConfigError(problems);
  return { md5Salt };
}
