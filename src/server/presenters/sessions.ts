import { toBeijingIso } from '../../core/time.js';
import type { Session } from '../repositories/sessions.js';
import type { SessionView } from '../../contract/auth.js';

// Most specific first: Edge and the WeChat browser also say Chrome or Safari, Chrome also says Safari.
const BROWSERS: [RegExp, string][] = [
  [/MicroMessenger/i, '微信'],
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/HarmonyOS|OpenHarmony/, '鸿蒙'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** A User-Agent as its holder recognises it: browser and system, e.g. 「Chrome · Windows」. */
export function deviceOf(userAgent: string | null): string {
  if (!userAgent) return '未知设备';
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  return [browser, system].filter(Boolean).join(' · ') || '其他客户端';
}

export function presentSession(session: Session, currentId: string): SessionView {
  return {
    createdAt: toBeijingIso(session.createdAt.getTime()),
    lastSeenAt: toBeijingIso(session.lastSeenAt.getTime()),
    expiresAt: toBeijingIso(session.expiresAt.getTime()),
    current: session.id === currentId,
    device: deviceOf(session.userAgent),
    ip: session.ip,
  };
}
