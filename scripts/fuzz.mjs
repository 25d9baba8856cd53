// `npm run fuzz`: the store API fuzzing of `npm test`, longer and with a new seed each run (printed,
// and taken from FUZZ_SEED to replay one). FUZZ_RUNS sets the requests per operation (default 200).
import { spawnSync } from 'node:child_process';

const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const runs = process.env.FUZZ_RUNS ?? '200';
console.log(`store fuzzing: seed ${seed}, ${runs} requests per operation (replay with FUZZ_SEED=${seed})`);
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const jest = spawnSync('npx', ['jest', 'test/system/store-fuzz.system-spec.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    FUZZ_SEED: seed,
    FUZZ_RUNS: runs,
    TEST_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal',
  },
});
process.exit(jest.status ?? 1);
