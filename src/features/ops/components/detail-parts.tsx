import './panel.scss'
import './detail-parts.scss'

/** The console's detail pages use the shared case UI: cards, facts in a grid, the timeline. */
export { Card, Fact, Facts, Timeline } from '@/components/case-view'
