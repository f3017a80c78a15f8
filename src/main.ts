// Boots the shell: one Recommender controller (workers + store) and the <pr-app> element that renders it.
import { Recommender } from './app/recommender.ts';
import './ui/app-shell.ts';
import type { AppShell } from './ui/app-shell.ts';

const recommender = new Recommender();
// Tests and diagnostics reach the controller here; it holds nothing a page script could not read anyway.
(globalThis as unknown as { __recommender: Recommender }).__recommender = recommender;

const shell = document.querySelector<AppShell>('pr-app');
if (shell) shell.recommender = recommender;
void recommender.boot();
