import { describe, expect, it } from 'vitest';
import { ConfigError, describeSmtp, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses the named defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      databaseFile: './data/careloom.sqlite',
      port: 3000,
      host: '127.0.0.1',
      examplesDir: './examples',
      publicUrl: 'http://127.0.0.1:3000',
      demo: true,
      mailKey: undefined,
      mailKeyFile: './data/careloom.sqlite.mail-key',
      trustProxy: false,
      webhookTargets: { private: false, loopback: false },
      mediaDir: 'data/media',
      mediaMaxBytes: 200 * 1024 * 1024,
      messageNoticeMinutes: 60,
    });
  });

  it('reads the message notice interval in minutes, and refuses anything but 1 to 10080', () => {
    expect(loadConfig({ CARELOOM_MESSAGE_NOTICE_MINUTES: '15' }).messageNoticeMinutes).toBe(15);
    for (const value of ['0', '10081', '1.5', 'hourly', '-3']) expect(() => loadConfig({ CARELOOM_MESSAGE_NOTICE_MINUTES: value })).toThrow(ConfigError);
  });

  it('reads every variable and treats blanks as unset', () => {
    const config = loadConfig({
      CARELOOM_DB: ':memory:', CARELOOM_PORT: '8080', CARELOOM_HOST: '0.0.0.0',
      CARELOOM_EXAMPLES_DIR: '/srv/examples', CARELOOM_PUBLIC_URL: 'https://care.example.org/', OTHER: 'ignored',
    });
    expect(config).toEqual({ databaseFile: ':memory:', port: 8080, host: '0.0.0.0', examplesDir: '/srv/examples', publicUrl: 'https://care.example.org', demo: false, mailKey: undefined, mailKeyFile: undefined, trustProxy: false, webhookTargets: { private: false, loopback: false }, mediaMaxBytes: 200 * 1024 * 1024, messageNoticeMinutes: 60 });
    expect(loadConfig({ CARELOOM_PORT: '  ', CARELOOM_DB: '' }).port).toBe(3000);
  });

  it('reads which webhook targets beyond the public internet are allowed, and refuses anything else', () => {
    expect(loadConfig({ CARELOOM_WEBHOOK_ALLOW: 'loopback' }).webhookTargets).toEqual({ private: false, loopback: true });
    expect(loadConfig({ CARELOOM_WEBHOOK_ALLOW: ' Private , loopback ' }).webhookTargets).toEqual({ private: true, loopback: true });
    expect(() => loadConfig({ CARELOOM_WEBHOOK_ALLOW: 'everything' })).toThrow(/CARELOOM_WEBHOOK_ALLOW.*"everything"/);
  });

  it('keeps media beside the database file unless told otherwise, and checks the upload limit', () => {
    expect(loadConfig({ CARELOOM_DB: '/srv/careloom/care.sqlite' }).mediaDir).toBe('/srv/careloom/media');
    expect(loadConfig({ CARELOOM_DB: ':memory:' }).mediaDir).toBeUndefined();
    expect(loadConfig({ CARELOOM_MEDIA_DIR: '/mnt/shared/media', CARELOOM_DB: ':memory:' }).mediaDir).toBe('/mnt/shared/media');
    expect(loadConfig({ CARELOOM_MEDIA_MAX_BYTES: '1048576' }).mediaMaxBytes).toBe(1048576);
    for (const value of ['12', '1e9', '-5', 'lots']) expect(() => loadConfig({ CARELOOM_MEDIA_MAX_BYTES: value })).toThrow(/CARELOOM_MEDIA_MAX_BYTES/);
  });

  it('derives the public URL from host and port, bracketing IPv6', () => {
    expect(loadConfig({ CARELOOM_HOST: '::1', CARELOOM_PORT: '4000' }).publicUrl).toBe('http://[::1]:4000');
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });

  it.each(['abc', '-1', '65536', '3.5', '80x', '1e3'])('refuses CARELOOM_PORT=%s with a message naming it', (port) => {
    expect(() => loadConfig({ CARELOOM_PORT: port })).toThrow(ConfigError);
    expect(() => loadConfig({ CARELOOM_PORT: port })).toThrow(/CARELOOM_PORT must be a whole number from 1 to 65535/);
  });

  it('accepts port 0 (any free port) and 65535', () => {
    expect(loadConfig({ CARELOOM_PORT: '0' }).port).toBe(0);
    expect(loadConfig({ CARELOOM_PORT: '65535' }).port).toBe(65535);
  });

  it.each(['not a url', 'ftp://example.org', 'https://example.org/?a=1'])('refuses CARELOOM_PUBLIC_URL=%s', (url) => {
    expect(() => loadConfig({ CARELOOM_PUBLIC_URL: url })).toThrow(/CARELOOM_PUBLIC_URL/);
  });
});

describe('loadConfig: demo mode', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])('is on by default on loopback (%s)', (host) => {
    expect(loadConfig({ CARELOOM_HOST: host }).demo).toBe(true);
  });

  it.each(['0.0.0.0', '::', '192.168.1.10', 'care.example.org', '127.0.0.1.example.org'])('is off by default on %s, which others can reach', (host) => {
    expect(loadConfig({ CARELOOM_HOST: host }).demo).toBe(false);
  });

  it('is turned off by CARELOOM_DEMO=off and on by CARELOOM_DEMO=on', () => {
    expect(loadConfig({ CARELOOM_DEMO: 'off' }).demo).toBe(false);
    expect(loadConfig({ CARELOOM_DEMO: 'OFF' }).demo).toBe(false);
    expect(loadConfig({ CARELOOM_DEMO: 'on' }).demo).toBe(true);
  });

  it('refuses CARELOOM_DEMO=on on an address others can reach, and values that are neither on nor off', () => {
    expect(() => loadConfig({ CARELOOM_DEMO: 'on', CARELOOM_HOST: '0.0.0.0' })).toThrow(/CARELOOM_DEMO=on is only allowed on a loopback address/);
    expect(() => loadConfig({ CARELOOM_DEMO: 'maybe' })).toThrow(/CARELOOM_DEMO must be "on" or "off"/);
  });
});

describe('loadConfig: behind a proxy', () => {
  it('trusts X-Forwarded-For only with CARELOOM_TRUST_PROXY=on', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ CARELOOM_TRUST_PROXY: 'on' }).trustProxy).toBe(true);
    expect(() => loadConfig({ CARELOOM_TRUST_PROXY: 'sometimes' })).toThrow(/CARELOOM_TRUST_PROXY must be "on" or "off"/);
  });
});

describe('loadConfig: the mail key', () => {
  it('keeps the key file beside the database, or reads CARELOOM_MAIL_KEY', () => {
    expect(loadConfig({ CARELOOM_DB: '/srv/careloom/care.sqlite' }).mailKeyFile).toBe('/srv/careloom/care.sqlite.mail-key');
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ CARELOOM_MAIL_KEY: key }).mailKey).toBe(key);
  });

  it.each(['short', Buffer.alloc(16).toString('base64'), `${Buffer.alloc(32).toString('base64')}!`])('refuses CARELOOM_MAIL_KEY=%s without echoing it', (key) => {
    expect(() => loadConfig({ CARELOOM_MAIL_KEY: key })).toThrow(/CARELOOM_MAIL_KEY must be 32 random bytes in base64/);
    try {
      loadConfig({ CARELOOM_MAIL_KEY: key });
    } catch (error) {
      expect((error as Error).message).not.toContain(key);
    }
  });
});

describe('loadConfig: e-mail', () => {
  const SMTP = 'smtp://mailer:s3cret-pass@mail.example.org:587';

  it('uses the development outbox without CARELOOM_SMTP_URL', () => {
    expect(loadConfig({}).smtp).toBeUndefined();
    expect(loadConfig({ CARELOOM_SMTP_URL: ' ', CARELOOM_MAIL_FROM: 'noreply@example.org' }).smtp).toBeUndefined();
  });

  it('reads the relay and the sender', () => {
    const config = loadConfig({ CARELOOM_SMTP_URL: SMTP, CARELOOM_MAIL_FROM: 'Careloom <noreply@example.org>' });
    expect(config.smtp).toEqual({ url: SMTP, from: 'Careloom <noreply@example.org>' });
    expect(loadConfig({ CARELOOM_SMTP_URL: 'smtps://mail.example.org', CARELOOM_MAIL_FROM: 'noreply@example.org' }).smtp?.from).toBe('noreply@example.org');
  });

  it('describes the relay without its password', () => {
    const config = loadConfig({ CARELOOM_SMTP_URL: SMTP, CARELOOM_MAIL_FROM: 'noreply@example.org' });
    expect(describeSmtp(config.smtp!)).toBe('smtp://mailer@mail.example.org:587');
  });

  it.each([
    ['not a url', /CARELOOM_SMTP_URL must be a URL/],
    ['https://mailer:s3cret-pass@mail.example.org', /CARELOOM_SMTP_URL must start with smtp:\/\/ .*"https:\/\/mailer:\*\*\*@mail\.example\.org\/"/],
    ['smtp://mailer:s3cret-pass@mail.example.org:587/inbox', /CARELOOM_SMTP_URL must not have a path/],
    ['smtp://mailer:s3cret-pass@mail.example.org:99999', /CARELOOM_SMTP_URL must be a URL/],
  ])('refuses CARELOOM_SMTP_URL=%s with a message naming it and hiding the password', (url, message) => {
    const attempt = () => loadConfig({ CARELOOM_SMTP_URL: url, CARELOOM_MAIL_FROM: 'noreply@example.org' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
    expect(attempt).not.toThrow(/s3cret-pass/);
  });

  it('requires a well-formed CARELOOM_MAIL_FROM with SMTP', () => {
    expect(() => loadConfig({ CARELOOM_SMTP_URL: SMTP })).toThrow(/CARELOOM_MAIL_FROM must be set when CARELOOM_SMTP_URL is/);
    for (const from of ['noreply', 'Careloom noreply@example.org', '<noreply@example>', 'a@b.c\r\nBcc: x@y.z']) {
      expect(() => loadConfig({ CARELOOM_SMTP_URL: SMTP, CARELOOM_MAIL_FROM: from })).toThrow(/CARELOOM_MAIL_FROM must be an e-mail address/);
    }
  });
});
