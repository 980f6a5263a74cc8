import type { Phase } from '@/domain/case/phase'

/** The colour of a status, for every case kind: orange waits for the user, blue is in review, green done, red failed, grey over. */
export type Tone = 'warn' | 'info' | 'ok' | 'bad' | 'off'

export const PHASE_TONE: Readonly<Record<Phase, Tone>> = { waiting: 'warn', in_review: 'info', done: 'ok', failed: 'bad', closed: 'off' }

export const toneOf = (phase: Phase): Tone => PHASE_TONE[phase]

/** The same colours as NutUI Tag types, where the console shows a status as a tag. */
export type TagType = 'default' | 'primary' | 'success' | 'warning' | 'danger'

const TAG_OF_TONE: Readonly<Record<Tone, TagType>> = { warn: 'warning', info: 'primary', ok: 'success', bad: 'danger', off: 'default' }

export const tagTypeOf = (phase: Phase): TagType => TAG_OF_TONE[PHASE_TONE[phase]]
