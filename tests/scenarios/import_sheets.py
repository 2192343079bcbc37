"""A hand-made enterprise sign-up list (merged title, 填报单位 line, variant headers, blank and
合计 rows, full-width digits) and the ID numbers in it, shared by the import tests of io/ and gui/."""
import openpyxl

from trainer.rules.id_number import check_character


def make_id(region="360502", birth="19900101", seq="123"):
    first = region + birth + seq
    return first + check_character(first)


ID_F = make_id("110105", "19491231", "002")  # female, check character X
ID_M = make_id("360502", "19850315", "131")  # male
ID_M2 = make_id("360502", "19920101", "011")  # male
ID_DB = make_id("360521", "19800808", "022")  # female, already in the database
ID_BAD = ID_M[:-1] + ("0" if ID_M[-1] != "0" else "1")
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def messy_xlsx(path):
    """The shape of a hand-made enterprise list."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["新余恒达钢铁有限公司职工培训报名表"])
    ws.merge_cells("A1:I1")
    ws.append(["填报单位:新余恒达钢铁有限公司", None, None, None, "填报日期:2026年3月5日"])
    ws.append(["序号", "姓 名", "性别", "身份证号码", "联系电话", "工作单位", "岗位/工种",
               "人员类别", "备注"])
    ws.append([1, "张 三", "女", ID_F.lower(), "+86 138-0013-8000", "新余恒达钢铁", "焊工",
               "农民工", None])                                               # 4 accepted
    ws.append([2, " 李四 ", "男", ID_M.translate(FULLWIDTH), "１３９００１３９０００",
               " 新余恒达钢铁 ", "电工", None, "班组长"])                      # 5 accepted
    ws.append([None] * 9)                                                     # 6 blank
    ws.append([3, "王五", "男", ID_BAD, "12345", "新余恒达钢铁", "车工"])     # 7 two problems
    ws.append([4, None, "男", ID_M2, "13700137000", "新余恒达钢铁"])         # 8 no name
    ws.append([5, "赵六", "女", ID_F, None, "新余恒达钢铁"])                  # 9 ID of row 4
    ws.append([6, " 李四 ", "男", ID_M.translate(FULLWIDTH), "１３９００１３９０００",
               " 新余恒达钢铁 ", "电工", None, "班组长"])                      # 10 repeat of 5
    ws.append([7, "钱七", "女", ID_DB, "13600136000", "新余恒达钢铁"])        # 11 in database
    ws.append([8, "孙八", None, None, None, "不存在公司"])                    # 12 unknown firm
    ws.append(["合计", "共 8 人"])                                            # 13 total
    ws.append(["注:身份证号须为 18 位"])                                     # 14 footnote
    wb.save(path)
    return path
