import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { Pipeline, PipelineKind } from './model';

/** The company's pipelines with their stages, lead pipelines first (seeded on first use). */
export function usePipelines() {
  return useQuery({ queryKey: ['deals', 'pipelines'], queryFn: () => api<Pipeline[]>('/api/deals/pipelines') });
}

/** The pipelines of one kind. */
export function pipelinesOf(all: Pipeline[] | undefined, kind: PipelineKind): Pipeline[] {
  return (all ?? []).filter((p) => p.kind === kind);
}

/** Every query of deals-service's cards (boards, lists, panels) starts with this key. */
export const CARDS_KEY = ['deals', 'cards'] as const;
