/**
 * H5 build: there is no WeChat privacy authorisation; the browser asks for the camera itself.
 * Every call is a no-op that lets the page go on.
 */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

export function watchPrivacy(_onNeed: () => void): () => void {
  return () => undefined
}

export function reportPrivacyShown(): void {}

export function answerPrivacy(_agreed: boolean): void {}

export async function requirePrivacy(): Promise<boolean> {
  return true
}

export function openPrivacyContract(): void {}
