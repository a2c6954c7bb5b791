import { describe, expect, it } from 'vitest';
import { loadConfig, validateConfig } from '../../src/api/config.js';
import { TwinningError } from '../../src/core/errors.js';

describe('API configuration', () => {
  it('takes flags over environment variables over defaults', () => {
    const config = loadConfig(
      { port: '9000', corsOrigin: ['https://a.example', 'https://b.example'] },
      { TWINNING_PORT: '7000', TWINNING_HOST: '0.0.0.0', TWINNING_PUBLIC_READ: 'false' },
    );
    expect(config.port).toBe(9000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.auth.publicRead).toBe(false);
    expect(config.rateLimit).toEqual({ max: 600, windowMs: 60_000 });
  });

  it('is frozen all the way down', () => {
    const config = loadConfig({}, {});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.rateLimit)).toBe(true);
    expect(() => {
      (config.rateLimit as { max: number }).max = 1;
    }).toThrow(TypeError);
  });

  it.each([
    [{ port: 'eighty' }, {}, '--port', /expected integer \(got "eighty"\)/],
    [{}, { TWINNING_PORT: '70000' }, 'TWINNING_PORT', /less or equal to 65535/],
    [{}, { TWINNING_CORS_ORIGINS: 'https://ok.example, *' }, 'TWINNING_CORS_ORIGINS', /match/],
    [{ logLevel: 'loud' }, {}, '--log-level', /got "loud"/],
    [{}, { TWINNING_PUBLIC_READ: 'perhaps' }, 'TWINNING_PUBLIC_READ', /expected boolean/],
    [{ bodyLimit: '10' }, {}, '--body-limit', /greater or equal to 1024/],
  ])('refuses %o %o naming %s', (flags, env, field, message) => {
    const error = (() => {
      try {
        loadConfig(flags, env);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TwinningError);
    expect((error as TwinningError).location.field).toBe(field);
    expect((error as TwinningError).describe()).toMatch(message);
  });

  it('refuses unknown settings in a whole configuration', () => {
    const base = structuredClone(loadConfig({}, {}));
    expect(() => validateConfig({ ...base, colour: 'blue' })).toThrow(/invalid configuration/);
  });
});
