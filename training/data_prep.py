"""Build the image-text corpus and the WordPiece tokenizer for the demo CLIP (clip-mini).

Sources (all local packages, nothing downloaded):
  emoji        public/models/catalogs/stickers (the shipped 1,911-item catalog: Noto Emoji 64 px PNGs,
               Apache-2.0; English + Korean labels and tags from emojibase-data, MIT / Unicode CLDR).
               Split BY ITEM (seeded): train / val / test. Val and test items are never trained on.
  tuxpaint     /usr/share/tuxpaint/stamps (Debian tuxpaint-stamps-default, GPL-2): .png or .svg + .txt
               (English first line, `ko.utf8=` line). Train only; never shipped.
  openclipart  /usr/share/openclipart/png (Debian openclipart-png, public domain): caption = folder
               words + file name words. Train only; at most OPENCLIPART_PER_FOLDER files per folder
               (computer/icons and shapes/stars alone hold 3,200 near-identical files).

Every image is composited on white and fitted into a 64x64 square (aspect kept, white padding): the
same input the index builder gives the vision tower (flatten on white, then CLIPImageProcessor).

Writes to --out (default training/data):
  images.npy       uint8 N x 64 x 64 x 3
  items.json       items with split, caption fields (en/ko label, tags, context) and image rows
  tokenizer.json, tokenizer_config.json   WordPiece vocabulary built from the TRAIN items' text only

Run:   /usr/bin/python3 training/data_prep.py
Smoke: /usr/bin/python3 training/data_prep.py --smoke --out training/out/smoke/data
"""
from __future__ import annotations

import argparse
import ctypes
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wordpiece import WordPieceTokenizer, train_vocab  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
CATALOG_DIR = REPO / 'public/models/catalogs/stickers'
TUXPAINT_DIR = Path('/usr/share/tuxpaint/stamps')
OPENCLIPART_DIR = Path('/usr/share/openclipart/png')
IMAGE_SIZE = 64
SPLIT_SEED = 20261129
TEST_FRACTION = 0.15
VAL_FRACTION = 0.10
MAX_TOKENS = 32
VOCAB_SIZE = 8000
SMOKE_VOCAB_SIZE = 1500
OPENCLIPART_PER_FOLDER = 40
# Folders of abstract fills, not depictions a caption could name.
OPENCLIPART_SKIP = ('special/',)
MAX_SOURCE_PIXELS = 200_000_000
Image.MAX_IMAGE_PIXELS = MAX_SOURCE_PIXELS  # local, trusted files: only the size guard matters


class DataPrepError(Exception):
    """A source the corpus needs is missing or unreadable."""


def composite_on_white(im: Image.Image) -> Image.Image:
    im = im.convert('RGBA')
    bg = Image.new('RGBA', im.size, (255, 255, 255, 255))
    return Image.alpha_composite(bg, im).convert('RGB')


def fit_square(im: Image.Image, size: int = IMAGE_SIZE) -> np.ndarray:
    """Composite on white, scale the longer side to `size` (keeping aspect), pad with white."""
    im = composite_on_white(im)
    w, h = im.size
    if (w, h) != (size, size):
        scale = size / max(w, h)
        nw, nh = max(1, round(w * scale)), max(1, round(h * scale))
        im = im.resize((nw, nh), Image.BICUBIC, reducing_gap=3.0)
        canvas = Image.new('RGB', (size, size), (255, 255, 255))
        canvas.paste(im, ((size - nw) // 2, (size - nh) // 2))
        im = canvas
    return np.asarray(im, dtype=np.uint8)


# --- SVG rasterisation through librsvg + cairo (shared libraries present; no Python binding installed) ---
_rsvg = None


def _load_rsvg():
    global _rsvg
    if _rsvg is None:
        rsvg = ctypes.CDLL('librsvg-2.so.2')
        cairo = ctypes.CDLL('libcairo.so.2')
        rsvg.rsvg_handle_new_from_file.restype = ctypes.c_void_p
        rsvg.rsvg_handle_new_from_file.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
        rsvg.rsvg_handle_render_cairo.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        rsvg.g_object_unref = ctypes.CDLL('libgobject-2.0.so.0').g_object_unref
        rsvg.g_object_unref.argtypes = [ctypes.c_void_p]

        class Dim(ctypes.Structure):
            _fields_ = [('width', ctypes.c_int), ('height', ctypes.c_int), ('em', ctypes.c_double), ('ex', ctypes.c_double)]

        rsvg.rsvg_handle_get_dimensions.argtypes = [ctypes.c_void_p, ctypes.POINTER(Dim)]
        cairo.cairo_image_surface_create.restype = ctypes.c_void_p
        cairo.cairo_image_surface_create.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        cairo.cairo_create.restype = ctypes.c_void_p
        cairo.cairo_create.argtypes = [ctypes.c_void_p]
        cairo.cairo_scale.argtypes = [ctypes.c_void_p, ctypes.c_double, ctypes.c_double]
        cairo.cairo_surface_flush.argtypes = [ctypes.c_void_p]
        cairo.cairo_image_surface_get_data.restype = ctypes.POINTER(ctypes.c_ubyte)
        cairo.cairo_image_surface_get_data.argtypes = [ctypes.c_void_p]
        cairo.cairo_image_surface_get_stride.argtypes = [ctypes.c_void_p]
        cairo.cairo_destroy.argtypes = [ctypes.c_void_p]
        cairo.cairo_surface_destroy.argtypes = [ctypes.c_void_p]
        _rsvg = (rsvg, cairo, Dim)
    return _rsvg


def rasterise_svg(path: Path, target: int = 256) -> Image.Image:
    rsvg, cairo, Dim = _load_rsvg()
    handle = rsvg.rsvg_handle_new_from_file(str(path).encode(), None)
    if not handle:
        raise ValueError(f'librsvg could not read {path}')
    try:
        dim = Dim()
        rsvg.rsvg_handle_get_dimensions(handle, ctypes.byref(dim))
        if dim.width <= 0 or dim.height <= 0:
            raise ValueError(f'{path} has no size')
        scale = target / max(dim.width, dim.height)
        w, h = max(1, round(dim.width * scale)), max(1, round(dim.height * scale))
        surface = cairo.cairo_image_surface_create(0, w, h)  # CAIRO_FORMAT_ARGB32: premultiplied BGRA
        cr = cairo.cairo_create(surface)
        cairo.cairo_scale(cr, scale, scale)
        rsvg.rsvg_handle_render_cairo(handle, cr)
        cairo.cairo_surface_flush(surface)
        stride = cairo.cairo_image_surface_get_stride(surface)
        buf = ctypes.string_at(cairo.cairo_image_surface_get_data(surface), stride * h)
        cairo.cairo_destroy(cr)
        cairo.cairo_surface_destroy(surface)
    finally:
        rsvg.g_object_unref(handle)
    arr = np.frombuffer(buf, dtype=np.uint8).reshape(h, stride // 4, 4)[:, :w].astype(np.float32)
    alpha = arr[..., 3:4]
    rgb_premul = arr[..., [2, 1, 0]]
    out = rgb_premul + (255.0 - alpha)  # premultiplied colour over white
    return Image.fromarray(np.clip(np.rint(out), 0, 255).astype(np.uint8), 'RGB')


def load_image(path: Path) -> np.ndarray:
    if path.suffix == '.svg':
        return fit_square(rasterise_svg(path))
    with Image.open(path) as im:
        if im.size[0] * im.size[1] > MAX_SOURCE_PIXELS:
            raise ValueError(f'{im.size[0]}x{im.size[1]} is over {MAX_SOURCE_PIXELS} pixels')
        im.load()
        return fit_square(im)


# --- captions ---

def clean(s: str) -> str:
    return re.sub(r'\s+', ' ', s).strip()


def emoji_items() -> list[dict]:
    items_path = CATALOG_DIR / 'items.json'
    if not items_path.exists():
        raise DataPrepError(f'{items_path} is missing: build the catalog first (npm run catalog:stickers)')
    catalog = json.loads(items_path.read_text())
    labels = json.loads((CATALOG_DIR / 'manifest.json').read_text()).get('categoryLabels', {})
    items = []
    for it in catalog:
        cat = labels.get(it['category'], {})
        sub = [c.replace('-', ' ') for c in it.get('categories', [])]
        ko_title = it.get('titles', {}).get('ko', '')
        items.append({
            'id': f"emoji:{it['id']}",
            'catalog_id': it['id'],
            'source': 'emoji',
            'images': [str(CATALOG_DIR / it['image'])],
            'en': {'label': clean(it['title']), 'tags': [clean(t) for t in it['tags'].get('en', [])],
                   'context': [x for x in [cat.get('en')] + sub if x]},
            'ko': {'label': clean(ko_title), 'tags': [clean(t) for t in it['tags'].get('ko', [])],
                   'context': [x for x in [cat.get('ko')] if x]} if ko_title else None,
        })
    items.sort(key=lambda x: x['id'])
    return items


def tuxpaint_items() -> list[dict]:
    if not TUXPAINT_DIR.exists():
        print(f'note: {TUXPAINT_DIR} missing (apt-get install tuxpaint-stamps-default); skipped', file=sys.stderr)
        return []
    items = []
    for txt in sorted(TUXPAINT_DIR.rglob('*.txt')):
        base = txt.with_suffix('')
        img = next((base.with_suffix(s) for s in ('.png', '.svg') if base.with_suffix(s).exists()), None)
        if img is None:
            continue
        lines = txt.read_text(encoding='utf-8', errors='replace').splitlines()
        if not lines:
            continue
        en_desc = clean(lines[0]).rstrip('.')
        ko_desc = next((clean(ln.split('=', 1)[1]) for ln in lines if ln.startswith('ko.utf8=')), '')
        name = clean(re.sub(r'[_\-\d]+', ' ', base.name))
        folder = [w for w in re.split(r'[/_\-\d]+', str(txt.parent.relative_to(TUXPAINT_DIR))) if len(w) > 1]
        items.append({
            'id': f'tuxpaint:{base.relative_to(TUXPAINT_DIR)}',
            'source': 'tuxpaint',
            'images': [str(img)],
            'en': {'label': name or en_desc, 'tags': [en_desc] if name else [], 'context': folder},
            'ko': {'label': ko_desc, 'tags': [], 'context': []} if ko_desc else None,
        })
    return items


def openclipart_items() -> list[dict]:
    if not OPENCLIPART_DIR.exists():
        print(f'note: {OPENCLIPART_DIR} missing (apt-get install openclipart-png); skipped', file=sys.stderr)
        return []
    per_folder: dict[str, int] = {}
    items = []
    for png in sorted(OPENCLIPART_DIR.rglob('*.png')):
        rel = png.relative_to(OPENCLIPART_DIR)
        folder = str(rel.parent)
        if (folder + '/').startswith(OPENCLIPART_SKIP):
            continue
        if per_folder.get(folder, 0) >= OPENCLIPART_PER_FOLDER:
            continue
        name = clean(re.sub(r'\d+', ' ', re.sub(r'[_\-.]+', ' ', png.stem)).lower())
        if not name:
            continue
        per_folder[folder] = per_folder.get(folder, 0) + 1
        path_words = [w for w in re.split(r'[/_\-]+', folder) if w and w not in ('unsorted', '.')]
        items.append({
            'id': f'openclipart:{rel}', 'source': 'openclipart', 'images': [str(png)],
            'en': {'label': name, 'tags': [], 'context': path_words}, 'ko': None,
        })
    return items


def split_items(items: list[dict], seed: int) -> None:
    rng = np.random.RandomState(seed)
    order = rng.permutation(len(items))
    n_test = round(len(items) * TEST_FRACTION)
    n_val = round(len(items) * VAL_FRACTION)
    for rank, idx in enumerate(order):
        items[idx]['split'] = 'test' if rank < n_test else 'val' if rank < n_test + n_val else 'train'


def item_texts(it: dict) -> list[str]:
    out = []
    for lang in ('en', 'ko'):
        f = it.get(lang)
        if f:
            out += [f['label'], *f['tags'], *f['context']]
    return [t for t in out if t]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', default=str(REPO / 'training/data'))
    ap.add_argument('--smoke', action='store_true', help='emoji only, 400 items, small vocabulary (CI)')
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()

    emoji = emoji_items()
    if args.smoke:
        emoji = emoji[::5][:400]
    split_items(emoji, SPLIT_SEED)
    extra = [] if args.smoke else tuxpaint_items() + openclipart_items()
    for it in extra:
        it['split'] = 'train'
    items = emoji + extra

    rows: list[np.ndarray] = []
    kept, bad = [], []
    for it in items:
        it['image_rows'] = []
        for p in it.pop('images'):
            try:
                arr = load_image(Path(p))
            except Exception as err:  # noqa: BLE001 - report and continue, never lose the other items
                bad.append((p, repr(err)))
                continue
            it['image_rows'].append(len(rows))
            rows.append(arr)
        if it['image_rows']:
            kept.append(it)
    for p, err in bad:
        print(f'skip unreadable image {p}: {err}', file=sys.stderr)
    missing_emoji = [p for p, _ in bad if p.startswith(str(CATALOG_DIR))]
    if missing_emoji:
        raise DataPrepError(f'{len(missing_emoji)} catalog images unreadable, e.g. {missing_emoji[0]}')

    train_texts = [t for it in kept if it['split'] == 'train' for t in item_texts(it)]
    vocab = train_vocab(train_texts, SMOKE_VOCAB_SIZE if args.smoke else VOCAB_SIZE)
    tok = WordPieceTokenizer(vocab, MAX_TOKENS)
    tok.save(out)

    np.save(out / 'images.npy', np.stack(rows))
    (out / 'items.json').write_text(json.dumps(
        {'seed': SPLIT_SEED, 'image_size': IMAGE_SIZE, 'smoke': args.smoke, 'items': kept}, ensure_ascii=False))
    counts: dict[str, int] = {}
    for it in kept:
        key = f"{it['source']}/{it['split']}"
        counts[key] = counts.get(key, 0) + 1
    print(json.dumps({'items': len(kept), 'images': len(rows), 'unreadable': len(bad), 'vocab': len(vocab),
                      'by_source_split': counts, 'seconds': round(time.time() - t0, 1)}, indent=1))


if __name__ == '__main__':
    main()
