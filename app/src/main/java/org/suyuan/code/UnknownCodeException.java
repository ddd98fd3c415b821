package org.suyuan.code;

import org.springframework.http.HttpStatus;
import org.suyuan.problem.ProblemException;

/** A well-formed code or Digital Link that Suyuan never issued: the "unknown code" a scan must warn about. */
public final class UnknownCodeException extends ProblemException {

    private UnknownCodeException(String detail) {
        super(HttpStatus.NOT_FOUND, "unknown-code", "未知的追溯码", detail);
    }

    public static UnknownCodeException forCode(String code) {
        return new UnknownCodeException("追溯码 " + code + " 不是本平台发放的。请谨慎购买，可向当地农业农村部门反映。");
    }

    static UnknownCodeException forDigitalLink(String path) {
        return new UnknownCodeException("GS1 数字链接 " + path + " 没有对应本平台的批次或单品。请谨慎购买，可向当地农业农村部门反映。");
    }
}
