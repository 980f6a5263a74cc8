import { type PropsWithChildren } from 'react'

/** The floor for `npm run bench`: Taro + React and one page, built with the project's own config. */
function App({ children }: PropsWithChildren) {
  return children
}

export default App
