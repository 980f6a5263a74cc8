import { ComingSoon } from '@/components/coming-soon'
import { COPY } from '../../copy'

export default function ReceiptPage() {
  return <ComingSoon title={COPY.title} intro={COPY.intro} steps={COPY.steps} />
}
