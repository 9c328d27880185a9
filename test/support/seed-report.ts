import { beforeEach } from 'vitest';
import { TEST_SEED } from './factories/random.js';

// A setup file of every vitest project: a failed test names the seed its data was drawn from, to replay it.
beforeEach(({ onTestFailed }) => {
  onTestFailed(() => {
    console.error(`测试数据种子 SHENBAO_TEST_SEED=${TEST_SEED}：以同一种子重跑即得到同样的数据`);
  });
});
