"""Retrieval evaluation of clip-mini checkpoints on held-out emoji items (never trained on).

For each checkpoint and split (default: test), with N = number of held-out items:
  t2i en / ko   query = the item's English / Korean label, candidates = the N held-out images
  i2t en / ko   query = a held-out image, candidates = the N held-out English / Korean labels
  t2i en / ko, full catalog   same queries, candidates = all 1,911 catalog images (trained ones too):
                the situation of the app, where a held-out concept must beat every other sticker
  en/ko overlap@10   mean |top10(English query) & top10(Korean query)| / 10 over the N items (t2i, held-out)
Baselines: a random ranking (exact expectation: R@K = K / candidates) and the same architecture at its
random initialisation (measured).

Run: /usr/bin/python3 training/evaluate.py --checkpoint training/out/learnable/checkpoint.pt \
       --checkpoint training/out/schedule/checkpoint.pt --json training/out/eval.json
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from model import ClipMini, ClipMiniConfig, normalise_pixels  # noqa: E402
from train import Corpus, recall_at, tensors  # noqa: E402
from quantise import fake_quantise_text  # noqa: E402

KS = (1, 5, 10)
BATCH = 256


@torch.no_grad()
def embed_images(model: ClipMini, corpus: Corpus, items: list[dict]) -> torch.Tensor:
    rows = torch.tensor([it['image_rows'][0] for it in items])
    out = [model.vision(normalise_pixels(corpus.images[rows[i:i + BATCH]])) for i in range(0, len(rows), BATCH)]
    return F.normalize(torch.cat(out), dim=-1)


@torch.no_grad()
def embed_texts(model: ClipMini, corpus: Corpus, texts: list[str]) -> torch.Tensor:
    out = [model.text(*tensors(corpus.tok, texts[i:i + BATCH])) for i in range(0, len(texts), BATCH)]
    return F.normalize(torch.cat(out), dim=-1)


def overlap_at(sim_a: torch.Tensor, sim_b: torch.Tensor, k: int = 10) -> float:
    ta, tb = sim_a.topk(k, dim=1).indices, sim_b.topk(k, dim=1).indices
    return float(sum(len(set(a.tolist()) & set(b.tolist())) for a, b in zip(ta, tb)) / (k * len(ta)))


def evaluate(model: ClipMini, corpus: Corpus, split: str) -> dict:
    model.eval()
    held = corpus.split(split)
    emoji_all = [it for it in corpus.items if it['source'] == 'emoji']
    index_of = {it['id']: i for i, it in enumerate(emoji_all)}
    img = embed_images(model, corpus, held)
    img_all = embed_images(model, corpus, emoji_all)
    res: dict = {'n': len(held), 'catalog': len(emoji_all)}
    sims = {}
    for lang in ('en', 'ko'):
        txt = embed_texts(model, corpus, [it[lang]['label'] for it in held])
        sims[lang] = txt @ img.t()
        res[f't2i_{lang}'] = recall_at(sims[lang], KS)
        res[f'i2t_{lang}'] = recall_at(img @ txt.t(), KS)
        # full catalog: reorder columns so that column q is query q's own image, then the rest
        full = txt @ img_all.t()
        own = torch.tensor([index_of[it['id']] for it in held])
        right = full[torch.arange(len(held)), own]
        rank = (full > right[:, None]).sum(1)
        res[f't2i_{lang}_full'] = {f'R@{k}': float((rank < k).float().mean()) for k in KS}
    res['overlap@10_en_ko'] = overlap_at(sims['en'], sims['ko'])
    return res


def random_baseline(n: int, catalog: int) -> dict:
    r = {f'R@{k}': k / n for k in KS}
    full = {f'R@{k}': k / catalog for k in KS}
    return {'n': n, 'catalog': catalog, 't2i_en': r, 't2i_ko': r, 'i2t_en': r, 'i2t_ko': r,
            't2i_en_full': full, 't2i_ko_full': full, 'overlap@10_en_ko': 10 / n}


def row(name: str, r: dict) -> str:
    cells = []
    for key in ('t2i_en', 't2i_ko', 'i2t_en', 'i2t_ko', 't2i_en_full', 't2i_ko_full'):
        cells.append(' / '.join(f'{100 * r[key][f"R@{k}"]:.1f}' for k in KS))
    return f'| {name} | ' + ' | '.join(cells) + f' | {100 * r["overlap@10_en_ko"]:.1f} |'


def table(rows: list[tuple[str, dict]]) -> str:
    n, cat = rows[0][1]['n'], rows[0][1]['catalog']
    head = (f'| model | text->image EN | text->image KO | image->text EN | image->text KO '
            f'| text->image EN, {cat} | text->image KO, {cat} | EN/KO overlap@10 |')
    sep = '|' + '---|' * 8
    note = f'Recall@1 / @5 / @10 in %, {n} held-out items ({cat}-image columns: all catalog images as candidates).'
    return '\n'.join([note, '', head, sep] + [row(name, r) for name, r in rows])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--checkpoint', action='append', required=True)
    ap.add_argument('--data', default=None)
    ap.add_argument('--split', default='test', choices=('test', 'val'))
    ap.add_argument('--json', default=None)
    ap.add_argument('--text-dtype', default='fp32', choices=('fp32', 'int8'),
                    help='int8: evaluate the text tower as shipped (weight-only int8, training/quantise.py)')
    args = ap.parse_args()
    torch.set_num_threads(1)
    rows: list[tuple[str, dict]] = []
    corpus = None
    for path in args.checkpoint:
        ck = torch.load(path, map_location='cpu')
        if corpus is None:
            corpus = Corpus(Path(args.data or ck['args']['data']))
            held = corpus.split(args.split)
            n_all = sum(1 for it in corpus.items if it['source'] == 'emoji')
            rows.append(('random ranking (expected)', random_baseline(len(held), n_all)))
            torch.manual_seed(0)
            init = ClipMini(ClipMiniConfig.from_dict(ck['config']))
            rows.append(('untrained (random init)', evaluate(init, corpus, args.split)))
        model = ClipMini(ClipMiniConfig.from_dict(ck['config']))
        model.load_state_dict(ck['state_dict'])
        name = f"{ck['args']['temperature']} ({ck['steps']} steps, {ck['seconds'] / 60:.1f} min)"
        if args.text_dtype == 'int8':
            fake_quantise_text(model)
            name += ', text tower int8'
        rows.append((name, evaluate(model, corpus, args.split)))
    print(table(rows))
    if args.json:
        Path(args.json).write_text(json.dumps({'split': args.split, 'rows': [{'name': n, **r} for n, r in rows]}, indent=1))


if __name__ == '__main__':
    main()
