/**
 * URLs of the images the DOM panels show (emblems, unit markers). `?no-inline` keeps each one a
 * real file in the build, so the browser caches it once for the DOM and for Phaser.
 */
import kyivEmblem from '../../assets/emblems/kyiv.svg?no-inline';
import moscowEmblem from '../../assets/emblems/moscow.svg?no-inline';
import pyongyangEmblem from '../../assets/emblems/pyongyang.svg?no-inline';
import northKoreanMarker from '../../assets/markers/north-korean.svg?no-inline';
import russianMarker from '../../assets/markers/russian.svg?no-inline';
import ukrainianMarker from '../../assets/markers/ukrainian.svg?no-inline';
import type { CapitalId, ForceId } from './theme';

export const EMBLEM_URL: Record<CapitalId, string> = {
  pyongyang: pyongyangEmblem,
  moscow: moscowEmblem,
  kyiv: kyivEmblem,
};

export const MARKER_URL: Record<ForceId, string> = {
  russian: russianMarker,
  northKorean: northKoreanMarker,
  ukrainian: ukrainianMarker,
};
