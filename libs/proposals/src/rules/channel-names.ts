import { Channel } from './enums';

/** The networks as they write their own names, for people to read. */
export const CHANNEL_NAMES: Readonly<Record<Channel, string>> = {
  X: 'X',
  INSTAGRAM: 'Instagram',
  FACEBOOK: 'Facebook',
  LINKEDIN: 'LinkedIn',
  TIKTOK: 'TikTok',
  THREADS: 'Threads',
  BLUESKY: 'Bluesky',
};
