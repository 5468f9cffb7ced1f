import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Benchmark reference only, in a WAR of its own (bench/run.sh builds it and deploys it beside the CMS on the same
 * Payara Micro): PUT stores a page's bytes, GET writes them from memory with the headers a page needs and nothing
 * else. No filter, listener or security mechanism of the CMS runs here, so the CMS's stored page compared with it
 * shows what the CMS adds to every request.
 */
@WebServlet(urlPatterns = "/*", loadOnStartup = 1)
public class BareServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private volatile byte[] page = new byte[0];

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        page = request.getInputStream().readAllBytes();
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] bytes = page;
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
