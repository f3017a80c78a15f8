// A CLIP model's identity: its folder name plus a hash of the files that define its embedding space.
// Indexes record it; the encoder reports it (from identity.json); retrieval refuses to mix the two.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function modelIdOf(modelsDir: string, name: string): Promise<string> {
  const h = createHash('sha256');
  for (const f of ['config.json', 'onnx/text_model.onnx', 'onnx/vision_model.onnx']) h.update(await readFile(join(modelsDir, name, f)));
  return `${name}@${h.digest('hex').slice(0, 12)}`;
}
