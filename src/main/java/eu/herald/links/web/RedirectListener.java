package eu.herald.links.web;

import eu.herald.common.Language;
import eu.herald.links.domain.Click;
import eu.herald.links.domain.LinkService;
import eu.herald.links.domain.LinkService.Visit;
import eu.herald.links.domain.LinksProperties;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.FastThreadLocal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The short-link redirect on a listener of its own, so that a visit does not pass through the servlet container, the
 * security filters and Spring MVC: a proxy in front of Herald sends {@code /l/} here and everything else to the web
 * application. Off unless {@code herald.links.listener-port} is set. A visit to a live link is answered here: 302
 * once its click is committed by the group commit, or 503 when that takes longer than the commit timeout. Anything
 * else under {@code /l/} (an unknown or ended link) is fetched from the web application's own {@code /l/{code}}, so
 * the visitor sees the same localised pages. Netty with epoll on Linux (NIO elsewhere).
 */
@Component
class RedirectListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedirectListener.class);

    /** Answer headers never copied from the web application's page: they describe that connection, not the page. */
    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "keep-alive", "transfer-encoding", "content-length", "upgrade", "te", "trailer");

    /** Request headers passed on when fetching a page from the web application. */
    private static final List<String> PASSED_ON = List.of("accept", "accept-language", "user-agent");

    private static final Duration IDLE = Duration.ofSeconds(60);
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(10);

    private final LinkService links;
    private final LinksProperties properties;
    private final MessageSource messages;
    private final ApplicationContext context;
    private final boolean trustForwarded;
    private final HttpClient pages =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private @Nullable EventLoopGroup group;
    private @Nullable Channel server;

    RedirectListener(
            LinkService links,
            LinksProperties properties,
            MessageSource messages,
            ApplicationContext context,
            Environment environment) {
        this.links = links;
        this.properties = properties;
        this.messages = messages;
        this.context = context;
        // like the web application: X-Forwarded-For counts only when Herald is told it runs behind a proxy
        this.trustForwarded = !"none"
                .equalsIgnoreCase(environment
                        .getProperty("server.forward-headers-strategy", "none")
                        .trim());
    }

    @Override
    public synchronized void start() {
        Integer port = properties.listenerPort();
        if (port == null || server != null) {
            return;
        }
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        int threads = properties.listenerThreads() > 0
                ? properties.listenerThreads()
                : Runtime.getRuntime().availableProcessors();
        EventLoopGroup loops =
                new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("links-redirect", true), io);
        Class<? extends ServerSocketChannel> channel =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        try {
            server = new ServerBootstrap()
                    .group(loops)
                    .channel(channel)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast(new IdleStateHandler(0, 0, IDLE.toSeconds(), TimeUnit.SECONDS))
                                    .addLast(new HttpServerCodec())
                                    .addLast(new Visits());
                        }
                    })
                    .bind(properties.listenerAddress(), port)
                    .sync()
                    .channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("Interrupted while opening the short-link listener", e);
        } catch (RuntimeException e) {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException(
                    "Could not open the short-link listener on " + properties.listenerAddress() + ":" + port, e);
        }
        group = loops;
        log.info(
                "Short links answered on {}:{} ({}, {} threads)",
                properties.listenerAddress(),
                port(),
                epoll ? "epoll" : "nio",
                threads);
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close().syncUninterruptibly();
            server = null;
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            group = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The port the listener is bound to (the free port chosen for 0), or -1 when it is off. */
    synchronized int port() {
        return server == null ? -1 : ((InetSocketAddress) server.localAddress()).getPort();
    }

    /**
     * One connection's visits. Answers go out in the order the requests came, even when a client sends its next
     * request before the previous answer (pipelining): each request takes a slot, and a slot is written only when
     * every slot before it has been. All of it runs on the connection's event loop.
     */
    private final class Visits extends ChannelInboundHandlerAdapter {

        private final ArrayDeque<Slot> slots = new ArrayDeque<>();
        private String peer = "";
        private boolean closed;
        private boolean peerIsProxy;

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            if (ctx.channel().remoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null) {
                InetAddress address = remote.getAddress();
                peer = address.getHostAddress();
                peerIsProxy = trustForwarded
                        && (address.isLoopbackAddress()
                                || address.isSiteLocalAddress()
                                || address.isLinkLocalAddress());
            }
            super.channelActive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            try {
                if (message instanceof HttpRequest request) {
                    answer(ctx, request);
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        private void answer(ChannelHandlerContext ctx, HttpRequest request) {
            Slot slot = new Slot(
                    HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess());
            slots.add(slot);
            if (request.decoderResult().isFailure()) {
                fill(ctx, slot, plain(HttpResponseStatus.BAD_REQUEST, "Bad request"));
                return;
            }
            boolean head = HttpMethod.HEAD.equals(request.method());
            if (!head && !HttpMethod.GET.equals(request.method())) {
                FullHttpResponse refused = plain(HttpResponseStatus.METHOD_NOT_ALLOWED, "Method not allowed");
                refused.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
                fill(ctx, slot, refused);
                return;
            }
            String uri = request.uri();
            int query = uri.indexOf('?');
            String path = query < 0 ? uri : uri.substring(0, query);
            if (!path.startsWith("/l/")) {
                fill(ctx, slot, plain(HttpResponseStatus.NOT_FOUND, "Not found"));
                return;
            }
            // the language matters only for a 503: the header is read then
            String acceptLanguage = request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE);
            Visit visit;
            try {
                visit = links.visit(
                        path.substring(3), head, request.headers().get(HttpHeaderNames.USER_AGENT), visitor(request));
            } catch (RuntimeException e) {
                // the link could not be read (the database is unreachable): no redirect without its click
                fill(ctx, slot, unavailable(acceptLanguage));
                return;
            }
            if (visit instanceof Visit.Redirect redirect) {
                rounds.get().add(this, ctx, slot, redirect, acceptLanguage);
            } else {
                page(ctx, slot, request, path, head);
            }
        }

        /** The visitor's address: the connection's, or the one a trusted proxy in front of Herald says it saw. */
        private String visitor(HttpRequest request) {
            if (peerIsProxy) {
                String forwarded = request.headers().get("X-Forwarded-For");
                if (forwarded != null) {
                    String last =
                            forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
                    if (!last.isEmpty() && last.length() <= 45 && last.chars().allMatch(Visits::addressChar)) {
                        return last;
                    }
                }
            }
            return peer;
        }

        private static boolean addressChar(int c) {
            return Character.digit(c, 16) >= 0 || c == '.' || c == ':';
        }

        /** The web application's page for this link (unknown, ended), in the visitor's language. */
        private void page(ChannelHandlerContext ctx, Slot slot, HttpRequest request, String path, boolean head) {
            int webPort = webPort();
            if (webPort < 0) {
                fill(ctx, slot, plain(HttpResponseStatus.BAD_GATEWAY, "Bad gateway"));
                return;
            }
            java.net.http.HttpRequest.Builder fetch = java.net.http.HttpRequest.newBuilder(
                            // any path that is no code asks for the page of an unknown link
                            URI.create("http://127.0.0.1:" + webPort
                                    + (path.matches("/l/[0-9A-Za-z]{1,64}") ? path : "/l/unknown")))
                    .timeout(PAGE_TIMEOUT)
                    .method(head ? "HEAD" : "GET", java.net.http.HttpRequest.BodyPublishers.noBody());
            for (String name : PASSED_ON) {
                String value = request.headers().get(name);
                if (value != null) {
                    fetch.header(name, value);
                }
            }
            pages.sendAsync(fetch.build(), HttpResponse.BodyHandlers.ofByteArray())
                    .whenComplete((response, error) -> {
                        FullHttpResponse answer =
                                error != null ? plain(HttpResponseStatus.BAD_GATEWAY, "Bad gateway") : copy(response);
                        ctx.executor().execute(() -> fill(ctx, slot, answer));
                    });
        }

        /** Answers a slot (the first answer counts: a late commit after a 503 changes nothing) and writes what is due. */
        private void fill(ChannelHandlerContext ctx, Slot slot, FullHttpResponse answer) {
            if (slot.answer != null || closed) {
                answer.release();
                return;
            }
            slot.answer = answer;
            boolean wrote = false;
            while (!slots.isEmpty() && slots.peek().answer != null) {
                Slot next = slots.poll();
                FullHttpResponse out = next.answer;
                HttpUtil.setKeepAlive(out, next.keepAlive);
                wrote = true;
                if (next.keepAlive) {
                    ctx.write(out);
                } else {
                    ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            }
            if (wrote) {
                ctx.flush();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof IdleStateEvent && slots.isEmpty()) {
                ctx.close();
            } else {
                super.userEventTriggered(ctx, event);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a reset connection or a malformed request: nothing about the visitor is logged
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            closed = true;
            for (Slot slot : slots) {
                if (slot.answer != null) {
                    slot.answer.release();
                }
            }
            slots.clear();
            super.channelInactive(ctx);
        }
    }

    /** Each event loop's round: the clicks it read since it last stored, stored together once its reading is done. */
    private final FastThreadLocal<Round> rounds = new FastThreadLocal<>() {
        @Override
        protected Round initialValue() {
            return new Round();
        }
    };

    /** A request's place in its connection's order of answers. */
    private static final class Slot {
        final boolean keepAlive;

        @Nullable
        FullHttpResponse answer;

        Slot(boolean keepAlive) {
            this.keepAlive = keepAlive;
        }
    }

    private record Waiting(
            Visits visits,
            ChannelHandlerContext ctx,
            Slot slot,
            String location,
            @Nullable String acceptLanguage) {}

    /**
     * Group commit on the event loop: the first visit of a round queues the round as a task, which the loop runs after
     * reading every connection that had something to read; the round's clicks are then stored with one COPY (bounded
     * by the commit timeout) and each visitor gets the 302, or 503 if they could not be stored.
     */
    private final class Round implements Runnable {

        private final List<Click> clicks = new ArrayList<>();
        private final List<Waiting> waiting = new ArrayList<>();

        void add(
                Visits visits,
                ChannelHandlerContext ctx,
                Slot slot,
                Visit.Redirect redirect,
                @Nullable String acceptLanguage) {
            if (clicks.isEmpty()) {
                ctx.executor().execute(this);
            }
            clicks.add(redirect.click());
            waiting.add(new Waiting(visits, ctx, slot, redirect.location(), acceptLanguage));
        }

        @Override
        public void run() {
            boolean stored;
            try {
                links.storeNow(clicks);
                stored = true;
            } catch (SQLException | RuntimeException e) {
                stored = false; // logged by the click writer
            }
            for (Waiting w : waiting) {
                w.visits().fill(w.ctx(), w.slot(), stored ? found(w.location()) : unavailable(w.acceptLanguage()));
            }
            clicks.clear();
            waiting.clear();
        }
    }

    /** The web application's port, or -1 while it is not listening. */
    private int webPort() {
        if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            return web.getWebServer().getPort();
        }
        return -1;
    }

    private static FullHttpResponse found(String location) {
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FOUND, Unpooled.EMPTY_BUFFER);
        response.headers()
                .set(HttpHeaderNames.LOCATION, location)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set(HttpHeaderNames.CONTENT_LENGTH, 0);
        return response;
    }

    /** 503 in the visitor's language: the click could not be committed in time, so there is no redirect. */
    private FullHttpResponse unavailable(@Nullable String acceptLanguage) {
        Language language = Language.preferred(acceptLanguage);
        Locale locale = language.locale();
        FullHttpResponse response = plain(
                HttpResponseStatus.SERVICE_UNAVAILABLE,
                messages.getMessage("links.unavailable.title", null, locale) + "\n\n"
                        + messages.getMessage("links.unavailable.body", null, locale));
        response.headers().set(HttpHeaderNames.RETRY_AFTER, 5).set(HttpHeaderNames.CONTENT_LANGUAGE, language.code());
        return response;
    }

    private static FullHttpResponse plain(HttpResponseStatus status, String text) {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    /** The web application's answer, as it gave it, minus what only concerned its own connection. */
    private static FullHttpResponse copy(HttpResponse<byte[]> page) {
        byte[] body = page.body() == null ? new byte[0] : page.body();
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(page.statusCode()), Unpooled.wrappedBuffer(body));
        for (Map.Entry<String, List<String>> header : page.headers().map().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!name.startsWith(":") && !HOP_BY_HOP.contains(name)) {
                response.headers().add(name, header.getValue());
            }
        }
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }
}
