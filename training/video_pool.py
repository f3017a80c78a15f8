"""Temporal pooling for video items: keyframe vectors (ordered, timestamped) -> one video vector.

Mirrors the demo's generated video catalog: 1-3 scenes, each a Noto emoji (sometimes with a smaller second
one) on a plain background, moving across / zooming / holding still, with hard cuts between scenes,
optional fades and blank holds. Keyframes are picked the way the catalog's extractor does it: the first
frame, the first frame after every cut, then the rest of a 4-12 frame budget placed where the frame
difference (motion) is. Every keyframe goes through the frozen clip-mini vision tower (the shipped
checkpoint, checked against the parity fixture the ONNX export is tested with).

Task: the caption names the subject of the clip's MAIN scene (the longest one in time). Adaptive
keyframes over-sample moving scenes, so a short moving scene can own most keyframes while the main
scene is a single still frame; the clip's timestamps say how long each keyframe stands for. Each subject
of a clip is the main subject of a sibling clip (same subjects, another scene is the longest), so the
test set holds look-alike clips that only the durations tell apart. Emojis are split as clip-mini was
split: clips are built from train / val / test emojis only, so the test subjects (and their captions)
were seen neither by clip-mini nor by the pooler.

Model (TemporalPool): per keyframe, L2-normalised frame vector -> linear, plus an encoding of its time
(t, time to the next / from the previous keyframe, log of that duration, rank, sin/cos of t) -> one
pre-LN transformer block (training/model.py's Block, masked) -> attention-pooling weights over the
frames; output = sum_i w_i * frame_i + a learnt correction. Weights and correction start at uniform /
zero, so the untrained model IS mean pooling. Trained with InfoNCE against frozen text embeddings.

Inputs of the ONNX graph: frames [B, T, 256] (the vision tower's image_embeds, raw or normalised),
times [B, T] in [0, 1] ascending, mask [B, T] (1 = keyframe, 0 = padding; padding AFTER the keyframes).
Output video_embeds [B, 256], not normalised (as CLIP's image_embeds; consumers normalise).

Run (everything; ~11 min on the 2-core machine, ~6 of them training 3 seeds):
  /usr/bin/python3 training/video_pool.py
Ablation (same model without any time / order input; no export):
  /usr/bin/python3 training/video_pool.py --no-time
Writes training/out/video-pool/ (clip cache, results.json, table.md), public/models/video-pool/
(temporal_pool.onnx, config.json) and tests/unit/video-pool/fixtures/temporal-pool-parity.json.

Layout (one file per stage, as the rest of training/; this file is the command line and the run):
  video_pool_clips.py     clip synthesis, keyframe selection, keyframe vectors (cached per split)
  video_pool_model.py     TemporalPool and the baseline poolings
  video_pool_train.py     caption targets, batches, augmentation, the training loop
  video_pool_evaluate.py  retrieval, order effect, the checkpoint / text-tower checks
  video_pool_export.py    ONNX, config.json, the parity fixture
Shared with the clip-mini stages: export.load_shipped_model, train.Corpus / sample_caption / recall_at /
tensors, evaluate.embed_texts, model.Block / Dense / normalise_pixels, export.OPSET.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export import load_shipped_model  # noqa: E402
from train import Corpus  # noqa: E402
from video_pool_clips import Renderer, build_split, load_assets  # noqa: E402
from video_pool_evaluate import clip_parity, order_effect, retrieval, text_order_check  # noqa: E402
from video_pool_export import DATE, export_pool  # noqa: E402
from video_pool_model import (TemporalPool, duration_pool, first_frame, mean_pool, middle_frame,  # noqa: E402
                              oracle_main_scene)
from video_pool_train import caption_bank, label_queries, train_pool  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
CHECKPOINT = REPO / 'training/out/schedule-s2/checkpoint.pt'
DATA = REPO / 'training/data'
CLIP_FIXTURE = REPO / 'tests/unit/clip/fixtures/clip-mini-parity.json'
IDENTITY = REPO / 'public/models/clip-mini/identity.json'
OUT = REPO / 'training/out/video-pool'
EXPORT_DIR = REPO / 'public/models/video-pool'
FIXTURE = REPO / 'tests/unit/video-pool/fixtures/temporal-pool-parity.json'

TRAIN_ROUNDS, VAL_ROUNDS, TEST_ROUNDS = 6, 2, 3


def fmt(r: dict) -> str:
    return ' / '.join(f"{r[k]:.1f}" for k in ('R@1', 'R@5', 'R@10'))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2])
    ap.add_argument('--steps', type=int, default=500)
    ap.add_argument('--batch', type=int, default=256)
    ap.add_argument('--tau', type=float, default=0.03)
    ap.add_argument('--no-export', action='store_true')
    ap.add_argument('--no-time', action='store_true', help='ablation: no time / order input (implies --no-export)')
    args = ap.parse_args()
    if args.no_time:
        args.no_export = True
    torch.set_num_threads(1)
    command = '/usr/bin/python3 training/video_pool.py' + ''.join(
        f' {a}' for a in sys.argv[1:])
    OUT.mkdir(parents=True, exist_ok=True)
    logf = open(OUT / 'log.txt', 'a')

    def log(msg: str) -> None:
        print(msg, flush=True)
        logf.write(msg + '\n')
        logf.flush()

    t_start = time.time()
    log(f'== {time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())} UTC: {command}')
    clip = load_shipped_model(CHECKPOINT)  # the shipped text tower is weight-only int8 (training/quantise.py)
    corpus = Corpus(DATA)  # the prepared items, images and tokenizer (training/data_prep.py)
    model_id = json.loads(IDENTITY.read_text())['modelId']
    parity = clip_parity(clip, corpus, CLIP_FIXTURE)
    log(f'clip-mini checkpoint vs shipped-ONNX parity fixture: {parity}')
    if parity['image_max_abs'] > 1e-4 or parity['text_max_abs'] > 1e-4:
        raise SystemExit('the checkpoint is not the shipped clip-mini (parity fixture differs)')

    items = [it for it in corpus.items if it['source'] == 'emoji']
    by_split = {s: [it for it in items if it['split'] == s] for s in ('train', 'val', 'test')}
    renderer = Renderer(load_assets(items))
    t0 = time.time()
    data = {'train': build_split('train', by_split['train'], TRAIN_ROUNDS, 1, clip, renderer, OUT),
            'val': build_split('val', by_split['val'], VAL_ROUNDS, 2, clip, renderer, OUT),
            'test': build_split('test', by_split['test'], TEST_ROUNDS, 3, clip, renderer, OUT)}
    stats = {}
    for s, d in data.items():
        k = d['mask'].sum(1)
        stats[s] = {'clips': len(k), 'emojis': len(d['ids']), 'keyframes_mean': float(k.mean()),
                    'keyframes_min': int(k.min()), 'keyframes_max': int(k.max()),
                    'main_time_share': float(d['main_time_share'].mean()),
                    'main_keyframe_share': float(d['main_keyframe_share'].mean()),
                    'main_underrepresented_pct': 100.0 * float((d['main_keyframe_share'] < d['main_time_share'] - 0.1).float().mean()),
                    'seconds': d['seconds']}
    log(f'clips ready in {time.time() - t0:.0f} s: {json.dumps(stats)}')

    captions = caption_bank(clip, corpus, by_split['train'], seed=0)
    queries = {s: label_queries(clip, corpus, by_split[s]) for s in ('val', 'test')}
    text_order = text_order_check(clip, corpus, by_split['test'])
    log(f'text tower order check: {json.dumps(text_order)}')

    baselines = {name: {s: retrieval(data[s], queries[s], fn) for s in ('val', 'test')}
                 for name, fn in (('mean pooling', mean_pool), ('middle frame', middle_frame),
                                  ('first frame', first_frame), ('duration-weighted mean', duration_pool))}
    baselines['oracle: main-scene keyframes only'] = {s: retrieval(data[s], queries[s], oracle_main_scene(data[s]))
                                                      for s in ('val', 'test')}
    for name, r in baselines.items():
        log(f'{name}: test en {fmt(r["test"]["en"])} ko {fmt(r["test"]["ko"])}')
    runs = []
    t_train = time.time()
    for seed in args.seeds:
        t1 = time.time()
        pool = train_pool(data['train'], captions, seed, args.steps, args.batch, args.tau, log, use_time=not args.no_time)
        with torch.no_grad():
            init_gap = float((TemporalPool()(data['test']['frames'], data['test']['times'], data['test']['mask'])
                              - mean_pool(data['test']['frames'], data['test']['times'], data['test']['mask'])).abs().max())
        r = {'seed': seed, 'train_seconds': time.time() - t1,
             'val': retrieval(data['val'], queries['val'], pool), 'test': retrieval(data['test'], queries['test'], pool),
             'order': order_effect(data['test'], queries['test'], pool), 'untrained_minus_mean_max_abs': init_gap}
        log(f'seed {seed}: test en {fmt(r["test"]["en"])} ko {fmt(r["test"]["ko"])}, val en {fmt(r["val"]["en"])}, '
            f'reversed cos {r["order"]["reversed"]["mean_cosine_to_original"]:.4f}, {r["train_seconds"]:.0f} s')
        runs.append((r, pool))
    train_seconds = time.time() - t_train

    def val_score(r):
        return sum(r['val'][l][k] for l in ('en', 'ko') for k in ('R@1', 'R@5', 'R@10'))
    best, best_pool = max(runs, key=lambda rp: val_score(rp[0]))
    exported = None
    if not args.no_export:
        exported = export_pool(best_pool, command, model_id, data['test'], EXPORT_DIR, FIXTURE)
        log(f'exported seed {best["seed"]} (best validation): {exported}')
    results = {'command': command, 'date': DATE, 'clip_parity': parity, 'data': stats, 'text_order': text_order,
               'baselines': baselines, 'runs': [r for r, _ in runs], 'shipped_seed': best['seed'],
               'exported': exported, 'train_seconds_all_seeds': train_seconds,
               'total_seconds': time.time() - t_start,
               'params': sum(p.numel() for p in best_pool.parameters())}
    (OUT / ('results-no-time.json' if args.no_time else 'results.json')).write_text(json.dumps(results, indent=1, ensure_ascii=False) + '\n')
    rows = ['| method | EN R@1 / R@5 / R@10 | KO R@1 / R@5 / R@10 |', '|---|---|---|']
    for name, r in baselines.items():
        rows.append(f"| {name} | {fmt(r['test']['en'])} | {fmt(r['test']['ko'])} |")
    for r, _ in runs:
        rows.append(f"| temporal, seed {r['seed']} | {fmt(r['test']['en'])} | {fmt(r['test']['ko'])} |")
    for lang in ('en', 'ko'):
        m = {k: np.mean([r['test'][lang][k] for r, _ in runs]) for k in ('R@1', 'R@5', 'R@10')}
        sd = {k: np.std([r['test'][lang][k] for r, _ in runs]) for k in ('R@1', 'R@5', 'R@10')}
        rows.append(f"<!-- {lang} mean {fmt(m)} sd {fmt(sd)} -->")
    (OUT / ('table-no-time.md' if args.no_time else 'table.md')).write_text('\n'.join(rows) + '\n')
    log('\n'.join(rows))
    log(f'total {time.time() - t_start:.0f} s')


if __name__ == '__main__':
    main()
