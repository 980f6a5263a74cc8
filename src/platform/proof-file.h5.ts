import { AppError } from '@/domain/errors'
import { proofExtOf, type ProofFile, type ProofSourceLabels } from './proof-file.types'

export type { ProofExt, ProofFile, ProofSourceLabels } from './proof-file.types'

/**
 * H5 build: the browser's file picker (https://developer.mozilla.org/docs/Web/HTML/Element/input/file), limited to
 * PDF, JPG and PNG (the action-sheet labels are for WeChat only). Resolves null when the user closes the picker.
 * Must be called from a tap, before any await, or the browser blocks the picker. The path is an object URL that
 * `uploadFile` in cloud.h5.ts reads back with fetch. A file of another type throws MATERIAL_TYPE_UNSUPPORTED
 * (`accept` is only a hint to the picker).
 */
export function chooseProofFile(_labels: ProofSourceLabels): Promise<ProofFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png'
    input.style.position = 'fixed'
    input.style.left = '-10000px'
    input.setAttribute('data-testid', 'proof-file-input')
    document.body.appendChild(input)
    const finish = () => input.remove()
    input.addEventListener(
      'change',
      () => {
        const file = input.files?.[0]
        finish()
        if (!file) return resolve(null)
        const ext = proofExtOf(file.name) ?? (file.type === 'application/pdf' ? 'pdf' : file.type === 'image/png' ? 'png' : file.type === 'image/jpeg' ? 'jpg' : undefined)
        if (!ext) return reject(new AppError('MATERIAL_TYPE_UNSUPPORTED'))
        resolve({ path: URL.createObjectURL(file), name: file.name, size: file.size, ext })
      },
      { once: true },
    )
    input.addEventListener(
      'cancel',
      () => {
        finish()
        resolve(null)
      },
      { once: true },
    )
    input.click()
  })
}
