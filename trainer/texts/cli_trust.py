"""What the trust commands print (trainer/cli/trust.py, audit.py, certificates.py): users,
logins, backups, the audit trail and the certificates' signing key. key → (Chinese, English);
a table's headings are one text, the columns separated by "|" (texts.columns)."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # users and logins (trust.py)
    "password_of": ("{username} 的密码：", "Password of {username}: "),
    "new_password": ("新密码：", "New password: "),
    "again": ("再输入一次：", "Again: "),
    "passwords_differ": ("两次输入的密码不一致", "the two passwords differ"),
    "give_new_password": ("请在环境变量 ${env} 中给出新密码，或用 --password-stdin",
                          "give the new password in ${env} or with --password-stdin"),
    "give_user_name": ("请给出用户名（trainer login 用户名、--as 用户名 或环境变量 ${env}）",
                       "give the user name (trainer login NAME, --as NAME or ${env})"),
    "no_token": ("环境变量 ${env} 中没有令牌", "no token in ${env}"),
    "disabled": ("已停用", "disabled"),
    "enabled": ("已启用", "enabled"),
    "locked": ("已锁定", "locked"),
    "user_state": ("{username}：{state}", "{username}: {state}"),
    "unlocked": ("{username}：已解锁", "{username}: unlocked"),
    "expired": ("（过期）", " (expired)"),
    "token_revoked": ("令牌已作废", "token revoked"),
    "logged_out": ("已退出登录", "logged out"),
    "token_invalid": ("令牌已无效", "the token was not valid"),
    "heads_users": ("用户名|姓名|角色|状态|最近登录", "user|name|role|state|last login"),
    "heads_tokens": ("编号|电脑|登录时间|有效期至", "id|desk|issued|valid until"),
    "heads_backups": ("时间|类型|大小|文件", "made|kind|size|file"),
    "restored": ("已从 {source} 恢复；原数据库保存在 {kept}",
                 "restored from {source}; the previous database is kept as {kept}"),
    "separator": ("、", ", "),
    "desk_login": ("“{value}”须写明账号和角色，中间用冒号隔开，角色为 {roles} 之一",
                   "“{value}” must be ACCOUNT:ROLE, ROLE one of {roles}"),
    # the audit trail (audit.py)
    "heads_audit": ("时间|编号|内容", "when|id|what happened"),
    "trail_whole": ("操作日志完整：已核对 {checked} 条，哈希链没有断开。",
                    "The audit trail is whole: {checked} entries checked, the hash chain is "
                    "unbroken."),
    "trail_changed": ("操作日志被改动：第 {entry} 条（{when}）与前一条对不上——这一条被修改，"
                      "或它之前的条目被删除。",
                      "The audit trail was tampered with: entry {entry} ({when}) does not "
                      "follow from the one before — it was changed, or entries before it were "
                      "removed."),
    "trail_replaced": ("操作日志被改动：本机记录的第 {expected} 条已不是原来那一条——"
                       "最新的条目被删除后又写入了别的条目。",
                       "The audit trail was tampered with: entry {expected}, as this desk "
                       "recorded it, is no longer there — the newest entries were removed and "
                       "others written in their place."),
    "trail_cut": ("操作日志被截断：第 {present} 条之后的条目不见了（本机记录到第 {expected} 条）"
                  "——最新的条目被删除。",
                  "The audit trail was cut short: the entries after entry {present} are "
                  "missing (this desk recorded up to entry {expected}) — the newest entries "
                  "were removed."),
    "would_purge": ("将清除 {trainees} 名已删除超过 {days} 天的学员在 {entries} 条操作日志中的"
                    "个人信息（{values} 组）。未做任何改动。",
                    "Would purge the personal data of {trainees} trainees deleted more than "
                    "{days} days ago from {entries} audit entries ({values} groups of values). "
                    "Nothing was changed."),
    "purged": ("已清除 {trainees} 名已删除超过 {days} 天的学员在 {entries} 条操作日志中的"
               "个人信息（{values} 组）；哈希链不受影响。",
               "Purged the personal data of {trainees} trainees deleted more than {days} days "
               "ago from {entries} audit entries ({values} groups of values); the hash chain "
               "still holds."),
    # certificates and their signing key (certificates.py)
    "issued": ("新发 {issued} 张，已有 {already} 张，不符合条件 {not_eligible} 人",
               "issued {issued}, already held {already}, not eligible {not_eligible}"),
    "passphrase_needed": ("需要签名密钥口令：--passphrase-stdin、环境变量 ${env} 或在终端输入",
                          "the signing key's passphrase is needed: --passphrase-stdin, ${env} "
                          "or a terminal prompt"),
    "signing_passphrase": ("签名密钥口令：", "Signing key passphrase: "),
    "new_key_passphrase": ("新密钥口令：", "New key passphrase: "),
    "key_passphrase": ("密钥口令：", "Key passphrase: "),
    "key_made": ("已创建证书签名密钥，指纹 {fingerprint}", "signing key made, fingerprint {fingerprint}"),
    "key_file_made": ("私钥文件（请导出备份并妥善保管）：{path}",
                      "private key file (back it up with key export): {path}"),
    "fingerprint": ("指纹 {fingerprint}", "fingerprint {fingerprint}"),
    "key_made_on": ("创建 {day} {by}", "made {day} {by}"),
    "key_file": ("本机密钥文件 {path}", "key file on this desk {path}"),
    "no_key_file": ("无", "none"),
    "revoked": ("{number}：已作废（{reason}）", "{number}: revoked ({reason})"),
    "heads_certificates": ("编号|验证码|类型|姓名|发证日期|状态", "number|code|kind|name|issued|state"),
}
