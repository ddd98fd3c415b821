package org.suyuan.audit;

/** What an audit entry records; the names are stable (the API returns them), the labels are for the page. */
public enum AuditAction {
    SIGN_IN("登录"),
    SIGN_IN_FAILED("登录失败"),
    SIGN_IN_THROTTLED("登录被限制"),
    PASSWORD_CHANGED("修改密码"),
    TOKEN_ISSUED("签发访问令牌"),
    TOKEN_REVOKED("撤销访问令牌"),
    USER_CREATED("创建用户"),
    ORGANIZATION_REGISTERED("登记主体"),
    EXPORT("导出"),
    RECALL("召回");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
