import { type PropsWithChildren } from 'react'
import { initPlatform } from '@/platform/cloud'
import './app.scss'

initPlatform()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
