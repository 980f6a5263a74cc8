import { cardLossHomeUrl } from '@/routes'
/**
 * The card-loss pages' addresses. Only the case id travels in a query; names and ID numbers never do.
 */
const ROOT = '/features/card-loss/pages'

const withCase = (page: string) => (caseId: string) => `${ROOT}/${page}/index?caseId=${encodeURIComponent(caseId)}`

export const lossHomeUrl = cardLossHomeUrl
export const reportUrl = (): string => `${ROOT}/report/index`
export const lossDetailUrl = withCase('detail')
export const reissueUrl = withCase('reissue')

export { isLossCaseId } from '@/domain/card-loss/card-loss.schema'
