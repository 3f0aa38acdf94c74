package com.kontor.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * A request whose body was read once up front (to limit its size, check its bytes, hash it) and is served again to
 * what follows; a form body comes with its parameters, decoded strictly, because the container can no longer read
 * them from a stream already consumed.
 */
final class BufferedRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final Map<String, List<String>> parameters;

    BufferedRequest(HttpServletRequest request, byte[] body, Map<String, List<String>> parameters) {
        super(request);
        this.body = body;
        this.parameters = parameters;
    }

    byte[] body() {
        return body;
    }

    /** The same request with another parameters' source kept: for a filter that reads the body again. */
    BufferedRequest withBody(byte[] again) {
        return new BufferedRequest((HttpServletRequest) getRequest(), again, parameters);
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("Blocking reads only");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public String getParameter(String name) {
        if (parameters == null) {
            return super.getParameter(name);
        }
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        if (parameters == null) {
            return super.getParameterMap();
        }
        Map<String, String[]> map = new java.util.LinkedHashMap<>();
        parameters.forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
        return Collections.unmodifiableMap(map);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return parameters == null ? super.getParameterNames() : Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        if (parameters == null) {
            return super.getParameterValues(name);
        }
        List<String> values = parameters.get(name);
        return values == null ? null : values.toArray(String[]::new);
    }
}
