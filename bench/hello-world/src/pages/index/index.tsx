import { Text, View } from '@tarojs/components'

export default function Index() {
  return (
    <View data-testid='hello'>
      <Text>Hello world</Text>
    </View>
  )
}
