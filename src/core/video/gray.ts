// Grey analysis frames from RGBA pixels (a canvas ImageData in the browser: draw the video frame
// onto a small canvas, e.g. 32x32, then convert), so the page picks keyframes like the Node tool.
import { KeyframeInputError } from './keyframes.ts';

/** BT.601 luma, full range (0..255), rounded: the weights ffmpeg uses for RGB -> grey. */
export function grayFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new KeyframeInputError('size-mismatch', `bad frame size ${width}x${height}`);
  }
  if (rgba.length !== width * height * 4) {
    throw new KeyframeInputError('size-mismatch', `${rgba.length} bytes for a ${width}x${height} RGBA frame (want ${width * height * 4})`);
  }
  const out = new Uint8Array(width * height);
  for (let p = 0, q = 0; p < out.length; p++, q += 4) {
    out[p] = Math.round(0.299 * rgba[q]! + 0.587 * rgba[q + 1]! + 0.114 * rgba[q + 2]!);
  }
  return out;
}
