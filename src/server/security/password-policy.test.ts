import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH } from '../../contract/auth.js';
import { DEMO_PASSWORD } from '../seed/demo-steps.js';
import { PASSWORD_POLICY_MESSAGES, passwordProblem, requireAcceptablePassword } from './password-policy.js';
import list from './data/common-passwords.json' with { type: 'json' };

describe('新密码的规则（NIST SP 800-63B）', () => {
  it('至少 10 个字符：9 个不行，10 个可以', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(passwordProblem('sjdk3-x9q')).toBe('至少 10 个字符');
    expect(passwordProblem('sjdk3-x9qz')).toBeUndefined();
  });

  it('按人数的字符计长度：汉字和表情各算一个', () => {
    expect(passwordProblem('春风又绿江南岸明月何')).toBeUndefined();
    expect(passwordProblem('春风又绿江南岸明月')).toBe('至少 10 个字符');
    expect(passwordProblem('🌸🌸🌸🌸🌸🌸🌸🌸🌸')).toBe('至少 10 个字符');
  });

  it('不要求大小写、数字或符号的组合', () => {
    expect(passwordProblem('lanternquietriverbend')).toBeUndefined();
    expect(passwordProblem('7305918264117')).toBeUndefined();
  });

  it('常见密码被拒绝，不区分大小写', () => {
    for (const common of ['password123', '1qaz2wsx3edc', 'qwertyuiop', 'a123456789']) {
      expect(passwordProblem(common), common).toBe(PASSWORD_POLICY_MESSAGES.common);
    }
    expect(passwordProblem('PassWord123')).toBe(PASSWORD_POLICY_MESSAGES.common);
    expect(passwordProblem('QWERTYUIOP')).toBe(PASSWORD_POLICY_MESSAGES.common);
  });

  it('随项目附带的常见密码表有数万条，按常见程度排列', () => {
    expect(list.passwords.length).toBeGreaterThanOrEqual(10_000);
    expect(list.passwords.slice(0, 2)).toEqual(['123456', 'password']);
  });

  it('不能与登录名相同（不区分大小写）', () => {
    expect(passwordProblem('zhangsan-lab', { login: 'zhangsan-lab' })).toBe(
      PASSWORD_POLICY_MESSAGES.sameAsLogin,
    );
    expect(passwordProblem('ZhangSan-Lab', { login: 'zhangsan-lab' })).toBe(
      PASSWORD_POLICY_MESSAGES.sameAsLogin,
    );
    expect(passwordProblem('zhangsan-lab', { login: 'lisi-lab' })).toBeUndefined();
  });

  it('演示账号的密码本身符合规则（演示数据经注册接口创建）', () => {
    expect(passwordProblem(DEMO_PASSWORD)).toBeUndefined();
  });

  it('不符合时以字段路径和中文说明拒绝', () => {
    expect(() => requireAcceptablePassword('password123', { path: 'admin.password', label: '密码' })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'admin.password', message: `密码：${PASSWORD_POLICY_MESSAGES.common}` }],
      }),
    );
  });
});
