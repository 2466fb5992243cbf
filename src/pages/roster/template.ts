/**
 * The roster template's headers, as the server reads them (cloudfunctions/core/domain/roster.ts;
 * a test keeps the two equal). A copy: the mini-program cannot import values from outside src/.
 */
export const ROSTER_TEMPLATE_HEADERS = ['姓名', '手机尾号', '类别（正式党员/预备党员）', '党小组', '职务', '入党日期', '党费类别', '党费基数（元）'] as const

export const ROSTER_TEMPLATE_EXAMPLE = ['张三', '1234', '正式党员', '第一党小组', '', '2010-07-01', '在职', '5000']
