import { useCallback, useState } from 'react'

/** Per-field messages, as a pure `*.form.ts` check returns them. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>

export interface FormState<V extends { [K in keyof V]: string }> {
  values: V
  /** Every message the check gives now, shown or not: submit only when this is empty. */
  errors: FieldErrors<keyof V & string>
  /** The message to show under a field: the server's, else the check's once the field was left or a submit was tried. */
  shown: (field: keyof V & string) => string | undefined
  set: (field: keyof V & string) => (value: string) => void
  leave: (field: keyof V & string) => () => void
  /** A submit was tried: every field shows its message from now on. */
  showAll: () => void
  /** Whether a submit was tried. */
  submitted: boolean
  touched: (field: keyof V & string) => boolean
  /** The server's message for a field, if it gave one since the field last changed. */
  serverError: (field: keyof V & string) => string | undefined
  /** The server's VALIDATION_FAILED details, per field; each clears when its field changes. */
  setServerErrors: (errors: FieldErrors<keyof V & string>) => void
  /** The value and handlers a TextField takes. */
  field: (name: keyof V & string) => { value: string; onChange: (value: string) => void; onBlur: () => void; error: string | undefined }
}

/**
 * A form's values as typed, which fields were left, and its messages. `check` is the feature's pure form rule
 * (`*.form.ts`), run on every render so a message follows what is typed.
 */
export function useForm<V extends { [K in keyof V]: string }>(initial: V | (() => V), check: (values: V) => FieldErrors<keyof V & string>): FormState<V> {
  type F = keyof V & string
  const [values, setValues] = useState<V>(initial)
  const [left, setLeft] = useState<Partial<Record<F, boolean>>>({})
  const [submitted, setSubmitted] = useState(false)
  const [server, setServer] = useState<FieldErrors<F>>({})
  const errors = check(values)

  const set = useCallback(
    (field: F) => (value: string) => {
      setValues((old) => ({ ...old, [field]: value }))
      setServer((old) => (old[field] ? { ...old, [field]: undefined } : old))
    },
    [],
  )
  const leave = useCallback((field: F) => () => setLeft((old) => (old[field] ? old : { ...old, [field]: true })), [])
  const touched = (field: F) => submitted || !!left[field]
  const shown = (field: F) => server[field] ?? (touched(field) ? errors[field] : undefined)

  return {
    values,
    errors,
    shown,
    set,
    leave,
    showAll: () => setSubmitted(true),
    submitted,
    touched,
    serverError: (field) => server[field],
    setServerErrors: setServer,
    field: (name) => ({ value: values[name], onChange: set(name), onBlur: leave(name), error: shown(name) }),
  }
}
