package org.suyuan.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's own error answer, for what Tomcat refuses before Spring sees the request: an encoded {@code ..} or NUL
 * in the path, a header over the size limit, a malformed request line. Under {@code /api/} the answer is
 * problem+json like every other API error; elsewhere it is Tomcat's page without the server's name or a report.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (!isApi(request)) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problem(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException unwritable) {
            // The connection is gone or the response was taken over: nothing more can be said to the client.
        }
    }

    /**
     * An API path, or no path at all: a request line Tomcat could not even read (a raw NUL, a byte outside ASCII,
     * a line over the size limit) comes from a script, never from a browser, and gets problem+json too.
     */
    private static boolean isApi(Request request) {
        String uri = request.getCoyoteRequest().requestURI().toString();
        return uri == null || uri.isEmpty() || uri.startsWith("/api/");
    }

    /** A fixed problem per status: nothing of the refused request is echoed back. */
    static String problem(int status) {
        String type;
        String title;
        String detail;
        if (status == 400) {
            type = "invalid-http-request";
            title = "请求无效";
            detail = "请求的地址或请求头无效（例如地址中有编码的“..”或空字符，或请求头过长），服务器无法处理。请检查后重试。";
        } else if (status == 413) {
            type = "request-too-large";
            title = "请求内容太大";
            detail = "请求内容超过了服务器接受的大小上限。请减小后重试。";
        } else if (status == 500) {
            type = "internal-error";
            title = "服务器内部错误";
            detail = "服务器出了问题，已保存的数据不受影响。请稍后重试；如果一直出现，请联系管理员。";
        } else {
            type = "http-" + status;
            title = "请求未能处理";
            detail = "服务器无法处理这个请求（HTTP " + status + "）。";
        }
        return "{\"type\":\"/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
    }
}
