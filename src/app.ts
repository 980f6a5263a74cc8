import { type PropsWithChildren } from 'react'
import { initPlatform } from '@/platform/cloud'
import { disarmScriptLinks } from '@/platform/script-links'
import './app.scss'

initPlatform()
disarmScriptLinks()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
