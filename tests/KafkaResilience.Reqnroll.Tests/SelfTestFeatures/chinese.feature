# language: zh-CN
@self-test @zh
功能: 计算器
  场景: 加法
    假如总数是1
    当我加上2
    那么总数是3
    并且总数是3
