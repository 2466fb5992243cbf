import { render, screen, fireEvent } from '@testing-library/react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'

test('a Taro View renders under jsdom', () => {
  const onClick = jest.fn()
  render(
    <View className="box" onClick={onClick}>
      <Text>你好</Text>
      <Button type="primary">签到</Button>
    </View>,
  )
  fireEvent.click(screen.getByText('签到'))
  expect(onClick).toHaveBeenCalled()
  Taro.setStorageSync('k', 'v')
  expect(Taro.getStorageSync('k')).toBe('v')
  expect(process.env.TARO_ENV).toBe('h5')
})
