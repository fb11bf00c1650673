import { describe, expect, it } from 'vitest';
import { agreementTextSha256, namesMatch } from './agreement-text.js';

describe('agreementTextSha256', () => {
  it('is the SHA-256 of the UTF-8 bytes, hex', () => {
    expect(agreementTextSha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(agreementTextSha256('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    // "团长" in UTF-8 is e5 9b a2 e9 95 bf; the hash is sha256sum's.
    expect(agreementTextSha256('团长')).toBe(
      '39651eb30a3cb13fde89ec97991e583d95e542df5c18be5623d3107d8fd59b96',
    );
  });

  it('changes with any change of the text, including line endings and trailing spaces', () => {
    const base = agreementTextSha256('第一条\n第二条');
    expect(agreementTextSha256('第一条\r\n第二条')).not.toBe(base);
    expect(agreementTextSha256('第一条\n第二条 ')).not.toBe(base);
    expect(agreementTextSha256('第一条\n第二条')).toBe(base);
  });
});

describe('namesMatch', () => {
  it('ignores spaces and letter case, and full-width forms', () => {
    expect(namesMatch(' 陈 静 ', '陈静')).toBe(true);
    expect(namesMatch('li lei', 'Li Lei')).toBe(true);
    expect(namesMatch('ＬＩ', 'li')).toBe(true);
  });

  it('refuses another name or an empty one', () => {
    expect(namesMatch('陈晶', '陈静')).toBe(false);
    expect(namesMatch('  ', '')).toBe(false);
  });

  it('accepts the registered name without its bracketed shop suffix, full-width or ASCII', () => {
    expect(namesMatch('张三', '张三（幸福小区店）')).toBe(true);
    expect(namesMatch('张三', '张三(幸福小区店)')).toBe(true);
    expect(namesMatch('张三（幸福小区店）', '张三（幸福小区店）')).toBe(true);
    expect(namesMatch(' 张 三 ', '张三 (幸福小区店)')).toBe(true);
  });

  it('still refuses another name, the shop alone or a bracket in the middle dropped', () => {
    expect(namesMatch('李四', '张三（幸福小区店）')).toBe(false);
    expect(namesMatch('幸福小区店', '张三（幸福小区店）')).toBe(false);
    expect(namesMatch('', '（幸福小区店）')).toBe(false);
    expect(namesMatch('张三', '张(小)三')).toBe(false);
  });
});
