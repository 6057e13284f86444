package io.wisp.bootstrap.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.bootstrap.config.AccessControlInstance;
import io.wisp.bootstrap.config.AccessRight;
import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.SecurityInstance;
import io.wisp.bootstrap.config.ServerInstance;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.link.DiscoverLink;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.BootstrapDeleteRequest;
import io.wisp.core.operation.BootstrapDiscoverResponse;
import io.wisp.core.operation.BootstrapDownlinkRequest;
import io.wisp.core.operation.BootstrapFinishRequest;
import io.wisp.core.operation.BootstrapReadRequest;
import io.wisp.core.operation.BootstrapWriteRequest;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.ResponseStatus;
import io.wisp.core.path.LwM2mPath;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a session sends, in which order and format, from a configuration and the client's Bootstrap-Discover. */
class SessionPlannerTest {
    private static final String URI = "coap://lwm2m.example.com";

    private static Optional<BootstrapDiscoverResponse> discovered(String links) {
        return Optional.of(new BootstrapDiscoverResponse(ResponseStatus.of(ResponseCode.CONTENT),
                DiscoverLink.parse(links)));
    }

    private static BootstrapConfig.Builder account() {
        return BootstrapConfig.builder().account(SecurityInstance.noSec(URI, 1), ServerInstance.of(1, 60));
    }

    private static List<Object> paths(List<BootstrapDownlinkRequest<?>> requests) {
        return requests.stream().<Object>map(r -> r instanceof BootstrapWriteRequest w ? "W " + w.path()
                : r instanceof BootstrapDeleteRequest d ? "D " + d.path()
                : r instanceof BootstrapReadRequest q ? "R " + q.path() : "F").toList();
    }

    @Test
    void the_format_follows_the_operator_then_pct_then_the_discovered_version() {
        BootstrapConfig plain = account().build();
        assertThat(SessionPlanner.writeFormat(plain, Optional.empty(), null)).isEqualTo(ContentFormat.TLV);
        assertThat(SessionPlanner.writeFormat(plain, discovered("</>;lwm2m=1.0,</0/0>"), null))
                .isEqualTo(ContentFormat.TLV);
        assertThat(SessionPlanner.writeFormat(plain, discovered("</>;lwm2m=1.1,</0/0>"), null))
                .isEqualTo(ContentFormat.SENML_CBOR);
        assertThat(SessionPlanner.writeFormat(plain, discovered("</0/0>,</3/0>"), null))
                .as("no version: a 1.0 client").isEqualTo(ContentFormat.TLV);
        assertThat(SessionPlanner.writeFormat(plain, discovered("</>;lwm2m=1.2"), ContentFormat.SENML_JSON))
                .isEqualTo(ContentFormat.SENML_JSON);
        BootstrapConfig fixed = account().writeFormat(ContentFormat.LWM2M_CBOR).build();
        assertThat(SessionPlanner.writeFormat(fixed, Optional.empty(), ContentFormat.TLV))
                .isEqualTo(ContentFormat.LWM2M_CBOR);
    }

    @Test
    void security_instances_spare_the_bootstrap_account_and_what_the_deletes_keep() {
        Optional<BootstrapDiscoverResponse> client =
                discovered("</>;lwm2m=1.1,</0/1>;uri=\"coap://bs\",</0/0>;ssid=9,</1/0>;ssid=9,</3/0>");

        assertThat(SessionPlanner.reservedSecurityIds(account().build(), client)).containsExactly(1);
        assertThat(SessionPlanner.reservedSecurityIds(account().deleteNothing().build(), client))
                .containsExactlyInAnyOrder(0, 1);
        assertThat(SessionPlanner.reservedSecurityIds(account().delete("/0/0").build(), client)).containsExactly(1);
        assertThat(SessionPlanner.reservedSecurityIds(account().build(), Optional.empty()))
                .as("without Bootstrap-Discover, /0/0 is left to the Bootstrap-Server account").containsExactly(0);
        List<BootstrapDownlinkRequest<?>> plan = SessionPlanner.requests(account().build(), client, null);
        assertThat(((BootstrapWriteRequest) plan.get(1)).path()).isEqualTo(LwM2mPath.of(0, 0));
    }

    @Test
    void a_session_deletes_then_writes_accounts_acls_and_extras_then_reads_then_finishes() {
        BootstrapConfig config = account()
                .accessControl(AccessControlInstance.builder().target(1, 0).grant(1, AccessRight.READ).owner(1).build())
                .write("/3/0/14", SingleResource.of(14, Value.of("+01")))
                .delete("/0").delete("/1")
                .read("/1").read("/2/0")
                .build();

        List<BootstrapDownlinkRequest<?>> plan = SessionPlanner.requests(config, Optional.empty(),
                ContentFormat.SENML_CBOR);

        assertThat(paths(plan)).containsExactly("D /0", "D /1", "W /0/1", "W /1/0", "W /2/0", "W /3/0/14",
                "R /1", "R /2/0", "F");
        assertThat(plan.get(plan.size() - 1)).isEqualTo(BootstrapFinishRequest.of());
        assertThat(plan).filteredOn(BootstrapWriteRequest.class::isInstance)
                .allSatisfy(w -> assertThat(((BootstrapWriteRequest) w).format()).isEqualTo(ContentFormat.SENML_CBOR));
        assertThat(plan).filteredOn(BootstrapReadRequest.class::isInstance)
                .allSatisfy(r -> assertThat(((BootstrapReadRequest) r).format()).isEqualTo(ContentFormat.SENML_CBOR));
    }

    @Test
    void a_pack_holds_every_written_node_by_path() {
        BootstrapConfig config = account().write("/3/0/14", SingleResource.of(14, Value.of("+01"))).build();

        var pack = SessionPlanner.pack(config);

        assertThat(pack.keySet()).containsExactly(LwM2mPath.of(0, 1), LwM2mPath.of(1, 0), LwM2mPath.of(3, 0, 14));
        assertThat(pack.get(LwM2mPath.of(1, 0))).isEqualTo(ServerInstance.of(1, 60).toNode(0));
        assertThat(((ObjectInstance) pack.get(LwM2mPath.of(0, 1))).id()).isEqualTo(1);
    }
}
