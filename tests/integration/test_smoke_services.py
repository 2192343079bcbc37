from trainer.services import enterprises as e


def test_create_and_find_enterprise(uow):
    rec = e.create_enterprise(uow, e.EnterpriseForm("新余恒达钢铁有限公司"))
    assert [r.id for r in e.list_enterprises(uow, "hd")] == []
    assert [r.id for r in e.list_enterprises(uow, "xyhd")] == [rec.id]
