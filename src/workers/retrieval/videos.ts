// The user's own videos, owned by this worker: stored in IndexedDB (file, poster, CLIP vectors) and
// served as the "Your videos" catalog. Object URLs for the files are made here; blob URLs of a worker
// are usable by its page (same origin) for as long as this worker lives.
import type { Catalogs } from './catalogs.ts';
import type { Store } from '../../store/db.ts';

export class LocalVideos {
  count = 0;
  private urls: string[] = [];

  /** (Re)builds the "Your videos" catalog from IndexedDB. Returns how many videos the user has. */
  async reload(store: Store, userId: string, catalogs: Catalogs): Promise<number> {
    const videos = await store.listVideos(userId);
    if (videos.length === 0 && this.count === 0) return 0; // nothing to build, nothing listed
    for (const u of this.urls) URL.revokeObjectURL(u);
    this.urls = [];
    const modelId = videos.at(-1)?.modelId ?? '';
    const usable = videos.filter((v) => v.modelId === modelId);
    const local = usable.map((v) => {
      const imageUrl = URL.createObjectURL(v.poster);
      const videoUrl = URL.createObjectURL(v.file);
      this.urls.push(imageUrl, videoUrl);
      return { id: v.id, title: v.name, duration: v.duration, vector: v.vector, keyframes: v.keyframes.map((k) => ({ t: k.t, vector: k.vector })), imageUrl, videoUrl };
    });
    await catalogs.setLocalVideos(local, modelId);
    this.count = videos.length;
    return this.count;
  }
}
